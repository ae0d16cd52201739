package io.sluice.azureml.models;

/**
 * A version of a data asset.
 *
 * @param id its ARM id
 * @param name the asset's name
 * @param version the version
 * @param dataType its type
 * @param dataUri where the data is, e.g. {@code azureml://datastores/blob/paths/raw/}
 * @param description its description, or null
 */
public record DataVersion(
    String id,
    String name,
    String version,
    DataType dataType,
    String dataUri,
    String description) {}
