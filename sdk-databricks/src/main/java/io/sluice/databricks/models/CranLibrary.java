package io.sluice.databricks.models;

/**
 * An R package from CRAN.
 *
 * @param packageName the package
 * @param repo a mirror, or null for the default
 */
public record CranLibrary(
    @com.fasterxml.jackson.annotation.JsonProperty("package") String packageName, String repo) {}
