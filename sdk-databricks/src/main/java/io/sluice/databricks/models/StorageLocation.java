package io.sluice.databricks.models;

/**
 * A destination for init scripts and cluster logs.
 *
 * @param destination the path, e.g. {@code dbfs:/cluster-logs} or {@code /Volumes/c/s/v/init.sh}
 */
public record StorageLocation(String destination) {}
