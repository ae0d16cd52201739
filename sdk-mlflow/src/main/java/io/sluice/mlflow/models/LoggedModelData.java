package io.sluice.mlflow.models;

import java.util.List;

/**
 * What was logged against an MLflow 3 logged model.
 *
 * @param params its params
 * @param metrics its metrics
 */
public record LoggedModelData(List<Param> params, List<Metric> metrics) {}
