package io.sluice.databricks.models;

/**
 * A cluster as {@code clusters/get} returns it.
 *
 * @param clusterId its id
 * @param clusterName its name
 * @param state its state
 * @param stateMessage why it is in that state
 * @param sparkVersion its runtime
 * @param nodeTypeId its workers' VM size
 * @param numWorkers its number of workers
 */
public record ClusterDetails(
    String clusterId,
    String clusterName,
    ClusterState state,
    String stateMessage,
    String sparkVersion,
    String nodeTypeId,
    Integer numWorkers) {}
