package io.sluice.mlflow.models;

import java.util.List;

/**
 * The inputs of a run.
 *
 * @param datasetInputs the datasets it used
 */
public record RunInputs(List<DatasetInput> datasetInputs) {}
