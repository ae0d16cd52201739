package io.sluice.mlflow.models;

/**
 * An artifact file or directory.
 *
 * @param path its path relative to the run's artifact root
 * @param isDir whether it is a directory
 * @param fileSize its size in bytes, or null for a directory
 */
public record FileInfo(String path, boolean isDir, Long fileSize) {}
