package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The Databricks cluster a step runs on: an existing cluster, or a new job cluster made for the
 * run.
 *
 * @param existingClusterId the id of an existing cluster
 * @param sparkVersion the Databricks runtime of a new cluster
 * @param nodeType the VM size of a new cluster's nodes
 * @param driverNodeType the VM size of the driver, when it differs from the workers'
 * @param instancePoolId an instance pool to take nodes from, instead of a node type
 * @param numWorkers a fixed number of workers
 * @param minWorkers the autoscaling minimum
 * @param maxWorkers the autoscaling maximum
 * @param sparkConf Spark configuration of a new cluster
 * @param sparkEnvVariables environment variables of a new cluster
 * @param initScripts init scripts of a new cluster
 * @param clusterLogPath where a new cluster delivers its logs
 * @param permitClusterRestart whether an existing cluster may be restarted to add storage access
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterDefinition(
    String existingClusterId,
    String sparkVersion,
    String nodeType,
    String driverNodeType,
    String instancePoolId,
    Integer numWorkers,
    Integer minWorkers,
    Integer maxWorkers,
    Map<String, String> sparkConf,
    Map<String, String> sparkEnvVariables,
    List<String> initScripts,
    String clusterLogPath,
    boolean permitClusterRestart) {

  /** Normalises absent collections. */
  public ClusterDefinition {
    sparkConf = Definitions.sortedMap(sparkConf);
    sparkEnvVariables = Definitions.sortedMap(sparkEnvVariables);
    initScripts = Definitions.list(initScripts);
  }

  /**
   * An existing cluster.
   *
   * @param clusterId the cluster id
   * @return the cluster
   */
  public static ClusterDefinition existing(String clusterId) {
    return new ClusterDefinition(
        clusterId, null, null, null, null, null, null, null, null, null, null, null, false);
  }

  /**
   * Whether the step runs on an existing cluster.
   *
   * @return true for an existing cluster, false for a new job cluster
   */
  @JsonIgnore
  public boolean isExisting() {
    return existingClusterId != null;
  }
}
