package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A step input: a name, a mode, and exactly one source (intermediate data, a dataset or a path).
 *
 * @param name the input name
 * @param mode how the step sees it
 * @param pathOnCompute where a download lands, when set
 * @param data the name of the intermediate data it reads
 * @param dataset the dataset it reads
 * @param path the datastore path it reads
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputDefinition(
    String name,
    InputMode mode,
    String pathOnCompute,
    String data,
    DatasetDefinition dataset,
    DataPathDefinition path) {}
