package io.sluice.databricks.models;

import java.util.List;
import java.util.Map;

/**
 * The shape of a cluster: for {@code clusters/create} and {@code clusters/edit}, and a task's
 * {@code new_cluster}.
 *
 * @param clusterName the cluster's name (create and edit only)
 * @param sparkVersion the Databricks runtime, e.g. {@code 15.4.x-scala2.12}
 * @param nodeTypeId the workers' VM size
 * @param driverNodeTypeId the driver's VM size, when it differs
 * @param instancePoolId a pool to take nodes from instead of a node type
 * @param numWorkers a fixed number of workers; 0 for a single-node cluster
 * @param autoscale autoscaling bounds instead of a fixed number
 * @param sparkConf Spark configuration; secrets only as {@code {{secrets/scope/key}}} references
 * @param sparkEnvVars environment variables
 * @param initScripts init scripts
 * @param clusterLogConf where logs are delivered
 * @param customTags tags on the cluster's resources
 * @param autoterminationMinutes idle minutes before an all-purpose cluster stops
 */
public record ClusterSpec(
    String clusterName,
    String sparkVersion,
    String nodeTypeId,
    String driverNodeTypeId,
    String instancePoolId,
    Integer numWorkers,
    AutoScale autoscale,
    Map<String, String> sparkConf,
    Map<String, String> sparkEnvVars,
    List<InitScript> initScripts,
    ClusterLogConf clusterLogConf,
    Map<String, String> customTags,
    Integer autoterminationMinutes) {
  /** Copies the collections; empty ones stay out of the request. */
  public ClusterSpec {
    sparkConf = sparkConf == null || sparkConf.isEmpty() ? null : Map.copyOf(sparkConf);
    sparkEnvVars = sparkEnvVars == null || sparkEnvVars.isEmpty() ? null : Map.copyOf(sparkEnvVars);
    initScripts = initScripts == null || initScripts.isEmpty() ? null : List.copyOf(initScripts);
    customTags = customTags == null || customTags.isEmpty() ? null : Map.copyOf(customTags);
  }

  /**
   * This spec with another Spark configuration.
   *
   * @param conf the configuration
   * @return a copy
   */
  public ClusterSpec withSparkConf(Map<String, String> conf) {
    return new ClusterSpec(
        clusterName,
        sparkVersion,
        nodeTypeId,
        driverNodeTypeId,
        instancePoolId,
        numWorkers,
        autoscale,
        conf,
        sparkEnvVars,
        initScripts,
        clusterLogConf,
        customTags,
        autoterminationMinutes);
  }
}
