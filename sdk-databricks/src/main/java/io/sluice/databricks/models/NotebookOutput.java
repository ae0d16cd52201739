package io.sluice.databricks.models;

/**
 * A notebook's exit value.
 *
 * @param result the value given to {@code dbutils.notebook.exit} (first 5 MB), or null
 * @param truncated whether it was cut
 */
public record NotebookOutput(String result, Boolean truncated) {}
