package io.sluice.databricks.models;

/**
 * A PyPI package.
 *
 * @param packageName the requirement, e.g. {@code scikit-learn==1.9.1}
 * @param repo an index URL, or null for PyPI
 */
public record PyPiLibrary(
    @com.fasterxml.jackson.annotation.JsonProperty("package") String packageName, String repo) {}
