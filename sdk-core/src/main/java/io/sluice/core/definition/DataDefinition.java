package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Intermediate data: where it lives, who writes it and who reads it.
 *
 * @param name the data's name
 * @param datastore the datastore's name
 * @param outputMode how the producer writes it
 * @param directory whether it is a folder
 * @param outputPathOnCompute where an uploaded output is written on the compute
 * @param outputOverwrite whether an upload overwrites
 * @param pipelineOutputName the pipeline output it is published as
 * @param producer the step that writes it
 * @param consumers the steps that read it, sorted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataDefinition(
    String name,
    String datastore,
    OutputMode outputMode,
    boolean directory,
    String outputPathOnCompute,
    Boolean outputOverwrite,
    String pipelineOutputName,
    String producer,
    List<String> consumers) {
  /** Normalises absent collections. */
  public DataDefinition {
    consumers = Definitions.list(consumers);
  }
}
