package io.sluice.azureml.models;

import java.util.Optional;

/**
 * A compute target as the workspace reports it.
 *
 * @param id its ARM id
 * @param name its name
 * @param computeType {@code AmlCompute}, {@code Databricks}, ...
 * @param provisioningState {@code Creating}, {@code Succeeded}, {@code Failed}, ...
 * @param location its region
 * @param resourceId the ARM id of the attached resource (a Databricks workspace), if any
 * @param error the first provisioning error, if any
 */
public record ComputeInfo(
    String id,
    String name,
    String computeType,
    String provisioningState,
    String location,
    String resourceId,
    Optional<String> error) {}
