package io.sluice.mlflow.models;

/**
 * A key-value tag on an experiment, run, registered model, model version or logged model.
 *
 * @param key the tag key
 * @param value the tag value
 */
public record Tag(String key, String value) {}
