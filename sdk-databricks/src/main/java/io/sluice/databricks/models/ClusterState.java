package io.sluice.databricks.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The state of a cluster. */
public enum ClusterState {
  /** Starting. */
  PENDING,
  /** Running. */
  RUNNING,
  /** Restarting. */
  RESTARTING,
  /** Changing its number of workers. */
  RESIZING,
  /** Stopping. */
  TERMINATING,
  /** Stopped. */
  TERMINATED,
  /** Failed. */
  ERROR,
  /** A state this client does not know yet. */
  @JsonEnumDefaultValue
  UNKNOWN
}
