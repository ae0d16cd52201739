package io.sluice.testing.tck;

import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import java.time.Duration;
import java.util.List;

/**
 * A run the kit submitted, with every event its listener received.
 *
 * @param run the run
 * @param events the events so far, in the order they arrived
 * @param timeout how long {@link #await()} waits
 */
public record SubmittedRun(PipelineRun run, List<RunEvent> events, Duration timeout) {

  /**
   * Waits for the run to end. A run that did not complete makes {@code waitForCompletion} throw a
   * {@link PipelineRunException} that carries the same final state as the run.
   *
   * @return its final state
   */
  public RunState await() {
    try {
      return run.waitForCompletion(timeout);
    } catch (PipelineRunException e) {
      if (e.state() != run.state() || e.state() == RunState.COMPLETED) {
        throw new AssertionError(
            "waitForCompletion threw for state " + e.state() + " but the run is " + run.state(), e);
      }
      return e.state();
    }
  }

  /**
   * A step's current state.
   *
   * @param step the step's name
   * @return its state
   */
  public StepState state(String step) {
    return run.steps().get(step).state();
  }

  /**
   * The states a step's events went through, in order, without repeats.
   *
   * @param step the step's name
   * @return the states
   */
  public List<StepState> stepStates(String step) {
    return events.stream()
        .filter(e -> e instanceof RunEvent.StepStateChanged c && c.status().step().equals(step))
        .map(e -> ((RunEvent.StepStateChanged) e).status().state())
        .distinct()
        .toList();
  }

  /**
   * The states the run's events went through, in order, without repeats.
   *
   * @return the states
   */
  public List<RunState> runStates() {
    return events.stream()
        .filter(RunEvent.RunStateChanged.class::isInstance)
        .map(e -> ((RunEvent.RunStateChanged) e).state())
        .distinct()
        .toList();
  }
}
