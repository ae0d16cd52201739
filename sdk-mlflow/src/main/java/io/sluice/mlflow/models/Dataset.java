package io.sluice.mlflow.models;

/**
 * A dataset a run used, identified by name and digest.
 *
 * @param name the dataset name
 * @param digest a digest of its content, for example a hash
 * @param sourceType the kind of source, for example {@code local}, {@code http} or {@code
 *     delta_table}
 * @param source a JSON description of the source, for example {@code {"uri":"abfss://…"}}
 * @param schema a JSON description of the schema, or null
 * @param profile a JSON summary such as the row count, or null
 */
public record Dataset(
    String name, String digest, String sourceType, String source, String schema, String profile) {}
