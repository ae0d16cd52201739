package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The Databricks cluster a step runs on: an existing cluster, or a new job cluster made for the
 * run. Build one with {@link #builder()}, or {@link #existing(String)} for an existing cluster.
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
    return builder().existingClusterId(clusterId).build();
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

  /**
   * Starts a cluster with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ClusterDefinition}; a value left unset is null, false or empty. */
  public static final class Builder {
    private String existingClusterId;
    private String sparkVersion;
    private String nodeType;
    private String driverNodeType;
    private String instancePoolId;
    private Integer numWorkers;
    private Integer minWorkers;
    private Integer maxWorkers;
    private Map<String, String> sparkConf;
    private Map<String, String> sparkEnvVariables;
    private List<String> initScripts;
    private String clusterLogPath;
    private boolean permitClusterRestart;

    private Builder() {}

    /**
     * Sets the id of an existing cluster.
     *
     * @param existingClusterId the id of an existing cluster
     * @return this builder
     */
    public Builder existingClusterId(String existingClusterId) {
      this.existingClusterId = existingClusterId;
      return this;
    }

    /**
     * Sets the Databricks runtime of a new cluster.
     *
     * @param sparkVersion the Databricks runtime of a new cluster
     * @return this builder
     */
    public Builder sparkVersion(String sparkVersion) {
      this.sparkVersion = sparkVersion;
      return this;
    }

    /**
     * Sets the VM size of a new cluster's nodes.
     *
     * @param nodeType the VM size of a new cluster's nodes
     * @return this builder
     */
    public Builder nodeType(String nodeType) {
      this.nodeType = nodeType;
      return this;
    }

    /**
     * Sets the VM size of the driver, when it differs from the workers'.
     *
     * @param driverNodeType the VM size of the driver, when it differs from the workers'
     * @return this builder
     */
    public Builder driverNodeType(String driverNodeType) {
      this.driverNodeType = driverNodeType;
      return this;
    }

    /**
     * Sets an instance pool to take nodes from, instead of a node type.
     *
     * @param instancePoolId an instance pool to take nodes from, instead of a node type
     * @return this builder
     */
    public Builder instancePoolId(String instancePoolId) {
      this.instancePoolId = instancePoolId;
      return this;
    }

    /**
     * Sets a fixed number of workers.
     *
     * @param numWorkers a fixed number of workers
     * @return this builder
     */
    public Builder numWorkers(Integer numWorkers) {
      this.numWorkers = numWorkers;
      return this;
    }

    /**
     * Sets the autoscaling minimum.
     *
     * @param minWorkers the autoscaling minimum
     * @return this builder
     */
    public Builder minWorkers(Integer minWorkers) {
      this.minWorkers = minWorkers;
      return this;
    }

    /**
     * Sets the autoscaling maximum.
     *
     * @param maxWorkers the autoscaling maximum
     * @return this builder
     */
    public Builder maxWorkers(Integer maxWorkers) {
      this.maxWorkers = maxWorkers;
      return this;
    }

    /**
     * Sets Spark configuration of a new cluster.
     *
     * @param sparkConf Spark configuration of a new cluster
     * @return this builder
     */
    public Builder sparkConf(Map<String, String> sparkConf) {
      this.sparkConf = sparkConf;
      return this;
    }

    /**
     * Sets environment variables of a new cluster.
     *
     * @param sparkEnvVariables environment variables of a new cluster
     * @return this builder
     */
    public Builder sparkEnvVariables(Map<String, String> sparkEnvVariables) {
      this.sparkEnvVariables = sparkEnvVariables;
      return this;
    }

    /**
     * Sets init scripts of a new cluster.
     *
     * @param initScripts init scripts of a new cluster
     * @return this builder
     */
    public Builder initScripts(List<String> initScripts) {
      this.initScripts = initScripts;
      return this;
    }

    /**
     * Sets where a new cluster delivers its logs.
     *
     * @param clusterLogPath where a new cluster delivers its logs
     * @return this builder
     */
    public Builder clusterLogPath(String clusterLogPath) {
      this.clusterLogPath = clusterLogPath;
      return this;
    }

    /**
     * Sets whether an existing cluster may be restarted to add storage access.
     *
     * @param permitClusterRestart whether an existing cluster may be restarted to add storage
     *     access
     * @return this builder
     */
    public Builder permitClusterRestart(boolean permitClusterRestart) {
      this.permitClusterRestart = permitClusterRestart;
      return this;
    }

    /**
     * Builds the cluster.
     *
     * @return a new cluster
     */
    public ClusterDefinition build() {
      return new ClusterDefinition(
          existingClusterId,
          sparkVersion,
          nodeType,
          driverNodeType,
          instancePoolId,
          numWorkers,
          minWorkers,
          maxWorkers,
          sparkConf,
          sparkEnvVariables,
          initScripts,
          clusterLogPath,
          permitClusterRestart);
    }
  }
}
