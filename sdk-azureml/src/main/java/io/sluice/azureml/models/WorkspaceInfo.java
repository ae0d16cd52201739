package io.sluice.azureml.models;

/**
 * A workspace as Azure Resource Manager reports it.
 *
 * @param id its ARM id
 * @param name its name
 * @param location its region
 * @param friendlyName the name shown in the studio, or null
 * @param provisioningState {@code Creating}, {@code Succeeded}, {@code Failed}, ...
 * @param discoveryUrl where its regional service endpoints are listed
 * @param mlflowTrackingUri its MLflow tracking URI ({@code azureml://...})
 * @param storageAccount the ARM id of its storage account
 * @param keyVault the ARM id of its key vault
 */
public record WorkspaceInfo(
    String id,
    String name,
    String location,
    String friendlyName,
    String provisioningState,
    String discoveryUrl,
    String mlflowTrackingUri,
    String storageAccount,
    String keyVault) {}
