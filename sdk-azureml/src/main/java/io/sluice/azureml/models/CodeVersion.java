package io.sluice.azureml.models;

/**
 * A version of a code asset: a snapshot of a source directory in blob storage.
 *
 * @param id its ARM id, which command jobs refer to
 * @param name the code asset's name
 * @param version the version; for snapshots Sluice uploads, a hash of the files
 * @param codeUri the blob folder that holds the files
 */
public record CodeVersion(String id, String name, String version, String codeUri) {}
