package io.sluice.databricks.models;

/**
 * A cluster shared by the tasks of a job.
 *
 * @param jobClusterKey the key tasks name it by
 * @param newCluster its shape
 */
public record JobCluster(String jobClusterKey, ClusterSpec newCluster) {}
