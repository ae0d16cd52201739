package io.sluice.databricks.models;

/**
 * An entry of a Unity Catalog volume folder (Files API).
 *
 * @param path its absolute path
 * @param name its name
 * @param isDirectory whether it is a folder
 * @param fileSize its size in bytes
 * @param lastModified when it changed, in epoch milliseconds
 */
public record DirectoryEntry(
    String path, String name, Boolean isDirectory, Long fileSize, Long lastModified) {}
