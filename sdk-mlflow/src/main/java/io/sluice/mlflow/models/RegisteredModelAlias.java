package io.sluice.mlflow.models;

/**
 * An alias, such as {@code champion}, pointing at one version of a registered model.
 *
 * @param alias the alias
 * @param version the model version it points at
 */
public record RegisteredModelAlias(String alias, String version) {}
