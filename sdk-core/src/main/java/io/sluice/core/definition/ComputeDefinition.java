package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where a step runs: this machine, a compute known by name, a Databricks workspace or an Azure ML
 * compute cluster.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ComputeDefinition.Local.class, name = "local"),
  @JsonSubTypes.Type(value = ComputeDefinition.Named.class, name = "named"),
  @JsonSubTypes.Type(value = ComputeDefinition.Databricks.class, name = "databricks"),
  @JsonSubTypes.Type(value = ComputeDefinition.AmlCompute.class, name = "amlCompute")
})
public sealed interface ComputeDefinition {

  /**
   * The compute's name.
   *
   * @return the name, unique within a pipeline
   */
  String name();

  /**
   * This machine.
   *
   * @param name the compute's name
   */
  record Local(String name) implements ComputeDefinition {}

  /**
   * A compute target the workspace already has, found by name when the pipeline is submitted.
   *
   * @param name the compute target's name in the workspace
   */
  record Named(String name) implements ComputeDefinition {}

  /**
   * An Azure Databricks workspace.
   *
   * @param name the compute's name
   * @param workspaceUrl the workspace URL
   * @param resourceId the ARM resource id of the workspace
   * @param accessToken the access token's reference; taken from the environment or a profile when
   *     absent
   * @param defaultCluster the cluster for steps that name none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Databricks(
      String name,
      String workspaceUrl,
      String resourceId,
      SecretReference accessToken,
      ClusterDefinition defaultCluster)
      implements ComputeDefinition {}

  /**
   * An Azure ML compute cluster.
   *
   * @param name the compute's name
   * @param vmSize the VM size
   * @param minNodes the fewest nodes
   * @param maxNodes the most nodes
   * @param idleSecondsBeforeScaledown idle seconds before scaling down
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AmlCompute(
      String name, String vmSize, int minNodes, int maxNodes, Integer idleSecondsBeforeScaledown)
      implements ComputeDefinition {
    /**
     * Starts a compute cluster with nothing set but 0 to 1 nodes.
     *
     * @return a new builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds an {@link AmlCompute}: 0 to 1 nodes unless set otherwise. */
    public static final class Builder {
      private String name;
      private String vmSize;
      private int minNodes;
      private int maxNodes = 1;
      private Integer idleSecondsBeforeScaledown;

      private Builder() {}

      /**
       * Sets the compute's name.
       *
       * @param name the compute's name
       * @return this builder
       */
      public Builder name(String name) {
        this.name = name;
        return this;
      }

      /**
       * Sets the VM size.
       *
       * @param vmSize the VM size
       * @return this builder
       */
      public Builder vmSize(String vmSize) {
        this.vmSize = vmSize;
        return this;
      }

      /**
       * Sets the fewest nodes.
       *
       * @param minNodes the fewest nodes; 0 by default
       * @return this builder
       */
      public Builder minNodes(int minNodes) {
        this.minNodes = minNodes;
        return this;
      }

      /**
       * Sets the most nodes.
       *
       * @param maxNodes the most nodes; 1 by default
       * @return this builder
       */
      public Builder maxNodes(int maxNodes) {
        this.maxNodes = maxNodes;
        return this;
      }

      /**
       * Sets idle seconds before scaling down.
       *
       * @param idleSecondsBeforeScaledown idle seconds before scaling down
       * @return this builder
       */
      public Builder idleSecondsBeforeScaledown(Integer idleSecondsBeforeScaledown) {
        this.idleSecondsBeforeScaledown = idleSecondsBeforeScaledown;
        return this;
      }

      /**
       * Builds the compute.
       *
       * @return a new compute
       */
      public AmlCompute build() {
        return new AmlCompute(name, vmSize, minNodes, maxNodes, idleSecondsBeforeScaledown);
      }
    }
  }
}
