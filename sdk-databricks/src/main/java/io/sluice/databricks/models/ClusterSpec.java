package io.sluice.databricks.models;

import java.util.List;
import java.util.Map;

/**
 * The shape of a cluster: for {@code clusters/create} and {@code clusters/edit}, and a task's
 * {@code new_cluster}. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * ClusterSpec spec = ClusterSpec.builder()
 *     .sparkVersion("15.4.x-scala2.12")
 *     .nodeTypeId("Standard_DS3_v2")
 *     .numWorkers(2)
 *     .build();
 * }</pre>
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
   * Starts a cluster spec with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a copy of this spec, to change some of its values.
   *
   * @return a new builder holding this spec's values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link ClusterSpec}; a value left unset is left out of the request. */
  public static final class Builder {
    private String clusterName;
    private String sparkVersion;
    private String nodeTypeId;
    private String driverNodeTypeId;
    private String instancePoolId;
    private Integer numWorkers;
    private AutoScale autoscale;
    private Map<String, String> sparkConf;
    private Map<String, String> sparkEnvVars;
    private List<InitScript> initScripts;
    private ClusterLogConf clusterLogConf;
    private Map<String, String> customTags;
    private Integer autoterminationMinutes;

    private Builder() {}

    private Builder(ClusterSpec spec) {
      clusterName = spec.clusterName;
      sparkVersion = spec.sparkVersion;
      nodeTypeId = spec.nodeTypeId;
      driverNodeTypeId = spec.driverNodeTypeId;
      instancePoolId = spec.instancePoolId;
      numWorkers = spec.numWorkers;
      autoscale = spec.autoscale;
      sparkConf = spec.sparkConf;
      sparkEnvVars = spec.sparkEnvVars;
      initScripts = spec.initScripts;
      clusterLogConf = spec.clusterLogConf;
      customTags = spec.customTags;
      autoterminationMinutes = spec.autoterminationMinutes;
    }

    /**
     * Names the cluster ({@code clusters/create} and {@code clusters/edit} only).
     *
     * @param clusterName the name
     * @return this builder
     */
    public Builder clusterName(String clusterName) {
      this.clusterName = clusterName;
      return this;
    }

    /**
     * Sets the Databricks runtime.
     *
     * @param sparkVersion e.g. {@code 15.4.x-scala2.12}
     * @return this builder
     */
    public Builder sparkVersion(String sparkVersion) {
      this.sparkVersion = sparkVersion;
      return this;
    }

    /**
     * Sets the workers' VM size.
     *
     * @param nodeTypeId e.g. {@code Standard_DS3_v2}
     * @return this builder
     */
    public Builder nodeTypeId(String nodeTypeId) {
      this.nodeTypeId = nodeTypeId;
      return this;
    }

    /**
     * Sets the driver's VM size, when it differs from the workers'.
     *
     * @param driverNodeTypeId e.g. {@code Standard_DS4_v2}
     * @return this builder
     */
    public Builder driverNodeTypeId(String driverNodeTypeId) {
      this.driverNodeTypeId = driverNodeTypeId;
      return this;
    }

    /**
     * Takes nodes from an instance pool instead of a node type.
     *
     * @param instancePoolId the pool's id
     * @return this builder
     */
    public Builder instancePoolId(String instancePoolId) {
      this.instancePoolId = instancePoolId;
      return this;
    }

    /**
     * Sets a fixed number of workers.
     *
     * @param numWorkers the workers; 0 for a single-node cluster
     * @return this builder
     */
    public Builder numWorkers(Integer numWorkers) {
      this.numWorkers = numWorkers;
      return this;
    }

    /**
     * Sets autoscaling bounds instead of a fixed number of workers.
     *
     * @param autoscale the bounds
     * @return this builder
     */
    public Builder autoscale(AutoScale autoscale) {
      this.autoscale = autoscale;
      return this;
    }

    /**
     * Sets the Spark configuration.
     *
     * @param sparkConf the configuration; secrets only as {@code {{secrets/scope/key}}} references
     * @return this builder
     */
    public Builder sparkConf(Map<String, String> sparkConf) {
      this.sparkConf = sparkConf;
      return this;
    }

    /**
     * Sets the environment variables of the cluster's processes.
     *
     * @param sparkEnvVars the variables
     * @return this builder
     */
    public Builder sparkEnvVars(Map<String, String> sparkEnvVars) {
      this.sparkEnvVars = sparkEnvVars;
      return this;
    }

    /**
     * Sets the init scripts.
     *
     * @param initScripts the scripts, run in order
     * @return this builder
     */
    public Builder initScripts(List<InitScript> initScripts) {
      this.initScripts = initScripts;
      return this;
    }

    /**
     * Sets where the cluster's logs are delivered.
     *
     * @param clusterLogConf the destination
     * @return this builder
     */
    public Builder clusterLogConf(ClusterLogConf clusterLogConf) {
      this.clusterLogConf = clusterLogConf;
      return this;
    }

    /**
     * Sets tags on the cluster's resources.
     *
     * @param customTags the tags
     * @return this builder
     */
    public Builder customTags(Map<String, String> customTags) {
      this.customTags = customTags;
      return this;
    }

    /**
     * Sets how many idle minutes an all-purpose cluster waits before it stops.
     *
     * @param autoterminationMinutes the minutes; 0 never stops it
     * @return this builder
     */
    public Builder autoterminationMinutes(Integer autoterminationMinutes) {
      this.autoterminationMinutes = autoterminationMinutes;
      return this;
    }

    /**
     * Builds the spec.
     *
     * @return a new spec
     */
    public ClusterSpec build() {
      return new ClusterSpec(
          clusterName,
          sparkVersion,
          nodeTypeId,
          driverNodeTypeId,
          instancePoolId,
          numWorkers,
          autoscale,
          sparkConf,
          sparkEnvVars,
          initScripts,
          clusterLogConf,
          customTags,
          autoterminationMinutes);
    }
  }
}
