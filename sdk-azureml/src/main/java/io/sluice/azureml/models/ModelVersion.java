package io.sluice.azureml.models;

/**
 * A version of a registered model.
 *
 * @param id its ARM id, which deployments refer to
 * @param name the model's name
 * @param version the version
 * @param modelType {@code custom_model}, {@code mlflow_model} or {@code triton_model}
 * @param modelUri where its files are
 * @param jobName the job that produced it, or null
 */
public record ModelVersion(
    String id, String name, String version, String modelType, String modelUri, String jobName) {}
