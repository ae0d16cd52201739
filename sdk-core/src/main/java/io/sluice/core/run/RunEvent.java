package io.sluice.core.run;

/** Something that happened in a run, as told to {@link RunListener}s. */
public sealed interface RunEvent {

  /** Returns the run's id. */
  String runId();

  /**
   * The run's state changed.
   *
   * @param runId the run's id
   * @param state the new state
   * @param message why, when it ended badly
   */
  record RunStateChanged(String runId, RunState state, String message) implements RunEvent {}

  /**
   * A step's state changed.
   *
   * @param runId the run's id
   * @param status the step's new status
   */
  record StepStateChanged(String runId, StepStatus status) implements RunEvent {}

  /**
   * A step printed a line.
   *
   * @param runId the run's id
   * @param step the step's name
   * @param stderr true for standard error
   * @param line the line, without its line break
   */
  record StepOutput(String runId, String step, boolean stderr, String line) implements RunEvent {}
}
