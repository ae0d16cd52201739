package io.sluice.databricks.models;

/**
 * A DBFS file or folder.
 *
 * @param path its absolute path
 * @param isDir whether it is a folder
 * @param fileSize its size in bytes
 * @param modificationTime when it changed, in epoch milliseconds
 */
public record FileInfo(String path, Boolean isDir, Long fileSize, Long modificationTime) {}
