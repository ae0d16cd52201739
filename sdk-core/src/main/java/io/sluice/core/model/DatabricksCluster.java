package io.sluice.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.SluiceStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Databricks cluster a step runs on: an existing (interactive) cluster, or a new job cluster
 * made for the run. Holds Azure ML v1's cluster parameters of {@code DatabricksStep} and {@code
 * DatabricksCluster}, with v1's rules, and no silent default runtime: a new cluster needs a {@link
 * #sparkVersion()}.
 */
@Value.Immutable
@SluiceStyle
@JsonSerialize(as = ImmutableDatabricksCluster.class)
@JsonDeserialize(as = ImmutableDatabricksCluster.class)
public abstract class DatabricksCluster {

  /** Returns the id of an existing cluster (v1 {@code existing_cluster_id}). */
  public abstract Optional<String> existingClusterId();

  /** Returns the Databricks runtime of a new cluster, e.g. {@code 15.4.x-scala2.12}. */
  public abstract Optional<String> sparkVersion();

  /** Returns the VM size of a new cluster's nodes, e.g. {@code Standard_DS3_v2}. */
  public abstract Optional<String> nodeType();

  /** Returns the VM size of the driver, when it differs from the workers'. */
  public abstract Optional<String> driverNodeType();

  /** Returns an instance pool to take nodes from, instead of a node type. */
  public abstract Optional<String> instancePoolId();

  /** Returns a fixed number of workers. */
  public abstract Optional<Integer> numWorkers();

  /** Returns the autoscaling minimum. */
  public abstract Optional<Integer> minWorkers();

  /** Returns the autoscaling maximum. */
  public abstract Optional<Integer> maxWorkers();

  /** Returns spark configuration of a new cluster. */
  public abstract Map<String, String> sparkConf();

  /** Returns environment variables of a new cluster. */
  public abstract Map<String, String> sparkEnvVariables();

  /** Returns init scripts of a new cluster (workspace, volume or storage paths). */
  public abstract List<String> initScripts();

  /** Returns where a new cluster delivers its logs, e.g. {@code dbfs:/cluster-logs}. */
  public abstract Optional<String> clusterLogPath();

  /**
   * Whether Sluice may restart an existing cluster to add storage access configuration (v1.28
   * {@code permit_cluster_restart}).
   *
   * @return true when a restart is permitted
   */
  @Value.Default
  public boolean permitClusterRestart() {
    return false;
  }

  /** Returns true for an existing cluster, false for a new job cluster. */
  @JsonIgnore
  public boolean isExisting() {
    return existingClusterId().isPresent();
  }

  @Value.Check
  void check() {
    String owner = "DatabricksCluster";
    if (isExisting()) {
      ModelChecks.notBlank(owner, "existingClusterId", existingClusterId().get());
      List<String> extra = newClusterFieldsSet();
      ModelChecks.rule(
          extra.isEmpty(),
          owner,
          extra.isEmpty() ? "existingClusterId" : extra.get(0),
          "existingClusterId is set, so no other cluster parameter may be; remove "
              + String.join(", ", extra)
              + " or drop existingClusterId to make a new cluster");
      return;
    }
    ModelChecks.rule(
        !permitClusterRestart(),
        owner,
        "permitClusterRestart",
        "permitClusterRestart is true but no existingClusterId is set; a new cluster needs no"
            + " restart, so drop permitClusterRestart or set existingClusterId");
    ModelChecks.rule(
        sparkVersion().isPresent(),
        owner,
        "sparkVersion",
        "sparkVersion is missing for a new cluster; set a current Databricks runtime such as"
            + " 15.4.x-scala2.12 (Sluice has no default: v1's 4.0.x-scala2.11 is retired)");
    ModelChecks.rule(
        nodeType().isPresent() != instancePoolId().isPresent(),
        owner,
        "nodeType",
        "exactly one of nodeType or instancePoolId is required, got "
            + (nodeType().isPresent() ? "both" : "neither")
            + "; set a node type such as Standard_DS3_v2, or an instance pool id");
    boolean fixed = numWorkers().isPresent();
    boolean autoscale = minWorkers().isPresent() || maxWorkers().isPresent();
    ModelChecks.rule(
        fixed != autoscale,
        owner,
        "numWorkers",
        (fixed
                ? "both numWorkers and minWorkers/maxWorkers are set"
                : "neither numWorkers nor minWorkers and maxWorkers is set")
            + "; set exactly one of numWorkers, or minWorkers and maxWorkers");
    if (fixed) {
      ModelChecks.atLeast(owner, "numWorkers", numWorkers().get(), 0);
    } else {
      ModelChecks.rule(
          minWorkers().isPresent() && maxWorkers().isPresent(),
          owner,
          minWorkers().isPresent() ? "maxWorkers" : "minWorkers",
          "only one of minWorkers and maxWorkers is set; set both for autoscaling, or neither");
      ModelChecks.atLeast(owner, "minWorkers", minWorkers().get(), 0);
      ModelChecks.check(
          maxWorkers().get() >= minWorkers().get(),
          owner,
          "maxWorkers",
          maxWorkers().get(),
          "use a maximum of at least minWorkers (" + minWorkers().get() + ")");
    }
  }

  private List<String> newClusterFieldsSet() {
    var set = new java.util.ArrayList<String>();
    sparkVersion().ifPresent(v -> set.add("sparkVersion"));
    nodeType().ifPresent(v -> set.add("nodeType"));
    driverNodeType().ifPresent(v -> set.add("driverNodeType"));
    instancePoolId().ifPresent(v -> set.add("instancePoolId"));
    numWorkers().ifPresent(v -> set.add("numWorkers"));
    minWorkers().ifPresent(v -> set.add("minWorkers"));
    maxWorkers().ifPresent(v -> set.add("maxWorkers"));
    if (!sparkConf().isEmpty()) {
      set.add("sparkConf");
    }
    if (!sparkEnvVariables().isEmpty()) {
      set.add("sparkEnvVariables");
    }
    if (!initScripts().isEmpty()) {
      set.add("initScripts");
    }
    clusterLogPath().ifPresent(v -> set.add("clusterLogPath"));
    return set;
  }

  /**
   * An existing cluster.
   *
   * @param clusterId the cluster id
   * @return the cluster
   */
  public static DatabricksCluster existing(String clusterId) {
    return builder().existingClusterId(clusterId).build();
  }

  /** Returns a builder for a new job cluster or an existing one. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DatabricksCluster}. */
  public static final class Builder extends ImmutableDatabricksCluster.Builder {}
}
