package io.sluice.mlflow.models;

/**
 * An MLflow 3 logged model: a model with its own id, linked to runs and registered versions.
 *
 * @param info its metadata
 * @param data its params and metrics
 */
public record LoggedModel(LoggedModelInfo info, LoggedModelData data) {}
