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

  /**
   * Starts a data definition with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DataDefinition}; a value left unset is null, false or empty. */
  public static final class Builder {
    private String name;
    private String datastore;
    private OutputMode outputMode;
    private boolean directory;
    private String outputPathOnCompute;
    private Boolean outputOverwrite;
    private String pipelineOutputName;
    private String producer;
    private List<String> consumers;

    private Builder() {}

    /**
     * Sets the data's name.
     *
     * @param name the data's name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the datastore's name.
     *
     * @param datastore the datastore's name
     * @return this builder
     */
    public Builder datastore(String datastore) {
      this.datastore = datastore;
      return this;
    }

    /**
     * Sets how the producer writes it.
     *
     * @param outputMode how the producer writes it
     * @return this builder
     */
    public Builder outputMode(OutputMode outputMode) {
      this.outputMode = outputMode;
      return this;
    }

    /**
     * Sets whether it is a folder.
     *
     * @param directory whether it is a folder
     * @return this builder
     */
    public Builder directory(boolean directory) {
      this.directory = directory;
      return this;
    }

    /**
     * Sets where an uploaded output is written on the compute.
     *
     * @param outputPathOnCompute where an uploaded output is written on the compute
     * @return this builder
     */
    public Builder outputPathOnCompute(String outputPathOnCompute) {
      this.outputPathOnCompute = outputPathOnCompute;
      return this;
    }

    /**
     * Sets whether an upload overwrites.
     *
     * @param outputOverwrite whether an upload overwrites
     * @return this builder
     */
    public Builder outputOverwrite(Boolean outputOverwrite) {
      this.outputOverwrite = outputOverwrite;
      return this;
    }

    /**
     * Sets the pipeline output it is published as.
     *
     * @param pipelineOutputName the pipeline output it is published as
     * @return this builder
     */
    public Builder pipelineOutputName(String pipelineOutputName) {
      this.pipelineOutputName = pipelineOutputName;
      return this;
    }

    /**
     * Sets the step that writes it.
     *
     * @param producer the step that writes it
     * @return this builder
     */
    public Builder producer(String producer) {
      this.producer = producer;
      return this;
    }

    /**
     * Sets the steps that read it, sorted.
     *
     * @param consumers the steps that read it, sorted
     * @return this builder
     */
    public Builder consumers(List<String> consumers) {
      this.consumers = consumers;
      return this;
    }

    /**
     * Builds the data definition.
     *
     * @return a new data definition
     */
    public DataDefinition build() {
      return new DataDefinition(
          name,
          datastore,
          outputMode,
          directory,
          outputPathOnCompute,
          outputOverwrite,
          pipelineOutputName,
          producer,
          consumers);
    }
  }
}
