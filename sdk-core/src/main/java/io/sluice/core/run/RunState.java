package io.sluice.core.run;

/** The state of a pipeline run. */
public enum RunState {
  /** Accepted, not started. */
  QUEUED,
  /** Steps are running. */
  RUNNING,
  /** Every step completed or was reused. */
  COMPLETED,
  /** A step failed. */
  FAILED,
  /** The run was canceled. */
  CANCELED;

  /** Returns true when the run has ended. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELED;
  }
}
