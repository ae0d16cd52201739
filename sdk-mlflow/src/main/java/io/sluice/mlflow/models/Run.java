package io.sluice.mlflow.models;

/**
 * A run: one execution of training or evaluation code.
 *
 * @param info its metadata
 * @param data its latest metrics, params and tags
 * @param inputs the datasets it used
 */
public record Run(RunInfo info, RunData data, RunInputs inputs) {}
