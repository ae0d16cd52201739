package io.sluice.mlflow.models;

/** The lifecycle status of a run. */
public enum RunStatus {
  /** The run is executing. */
  RUNNING,
  /** The run is waiting to execute. */
  SCHEDULED,
  /** The run ended successfully. */
  FINISHED,
  /** The run ended with an error. */
  FAILED,
  /** The run was stopped before it ended. */
  KILLED
}
