package io.sluice.databricks.models;

/**
 * A secret scope.
 *
 * @param name its name
 * @param backendType {@code DATABRICKS} or {@code AZURE_KEYVAULT}
 */
public record SecretScope(String name, String backendType) {}
