package io.sluice.core.run;

/** The state of one step in a run. */
public enum StepState {
  /** Waiting for its dependencies or for a free slot. */
  QUEUED,
  /** Running. */
  RUNNING,
  /** Ran and succeeded. */
  COMPLETED,
  /** Ran and failed. */
  FAILED,
  /** Not run because a step it depends on failed or was canceled. */
  SKIPPED,
  /** Not run: an earlier run's results were reused, nothing having changed. */
  REUSED,
  /** Stopped or never started because the run was canceled. */
  CANCELED;

  /** Returns true when the step has ended. */
  public boolean isTerminal() {
    return this != QUEUED && this != RUNNING;
  }

  /** Returns true when the step's outputs are available to its dependants. */
  public boolean isSuccessful() {
    return this == COMPLETED || this == REUSED;
  }
}
