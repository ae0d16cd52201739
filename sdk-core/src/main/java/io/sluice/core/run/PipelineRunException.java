package io.sluice.core.run;

import io.sluice.core.SluiceException;
import java.util.List;

/** A run ended FAILED or CANCELED. The message names each failed step and its log tail. */
public final class PipelineRunException extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final RunState state;
  private final transient List<StepStatus> failedSteps;

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param state the run's final state
   * @param failedSteps the steps that failed
   */
  public PipelineRunException(String message, RunState state, List<StepStatus> failedSteps) {
    super(message);
    this.state = state;
    this.failedSteps = List.copyOf(failedSteps);
  }

  /** Returns the run's final state. */
  public RunState state() {
    return state;
  }

  /** Returns the steps that failed, with their messages. */
  public List<StepStatus> failedSteps() {
    return failedSteps;
  }
}
