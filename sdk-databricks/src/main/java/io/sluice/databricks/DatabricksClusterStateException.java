package io.sluice.databricks;

import io.sluice.core.SluiceException;
import io.sluice.databricks.models.ClusterState;

/**
 * A cluster reached a state other than the one waited for (ERROR, or TERMINATED while starting).
 */
public final class DatabricksClusterStateException extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final String clusterId;
  private final ClusterState state;

  /**
   * Creates the exception.
   *
   * @param clusterId the cluster
   * @param state the state it reached
   * @param message what was waited for, the state message and the fix
   */
  public DatabricksClusterStateException(String clusterId, ClusterState state, String message) {
    super(message);
    this.clusterId = clusterId;
    this.state = state;
  }

  /** Returns the cluster's id. */
  public String getClusterId() {
    return clusterId;
  }

  /** Returns the state it reached. */
  public ClusterState getState() {
    return state;
  }
}
