package io.sluice.azureml.models;

/**
 * A managed online deployment as the workspace reports it.
 *
 * @param id its ARM id
 * @param name its name
 * @param modelId the model it serves
 * @param instanceType its VM size
 * @param instanceCount its number of instances
 * @param provisioningState {@code Creating}, {@code Succeeded}, {@code Failed}, ...
 */
public record OnlineDeploymentInfo(
    String id,
    String name,
    String modelId,
    String instanceType,
    int instanceCount,
    String provisioningState) {}
