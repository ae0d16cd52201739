package io.sluice.azureml.models;

/**
 * A datastore as the workspace reports it; secrets are never part of it (see {@code
 * AzureMlClient#listDatastoreSecrets}).
 *
 * @param id its ARM id
 * @param name its name
 * @param datastoreType {@code AzureBlob}, {@code AzureDataLakeGen2}, ...
 * @param accountName the storage account
 * @param container the blob container or ADLS file system
 * @param endpoint the endpoint suffix, e.g. {@code core.windows.net}
 * @param credentialsType {@code AccountKey}, {@code Sas}, {@code ServicePrincipal} or {@code None}
 * @param isDefault whether it is the workspace's default datastore
 */
public record DatastoreInfo(
    String id,
    String name,
    String datastoreType,
    String accountName,
    String container,
    String endpoint,
    String credentialsType,
    boolean isDefault) {}
