package io.sluice.testing;

import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunListener;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.core.run.StepStatus;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The run a {@link RecordingTransport} returns. It has already ended when {@code submit} returns:
 * every step is {@link StepState#COMPLETED}, except those given a fake failure (and the steps that
 * therefore did not run), so {@link #waitForCompletion(Duration)} returns or throws at once. Its
 * events went to the {@code RunOptions} listeners during {@code submit}, and are kept in {@link
 * #events()}; a listener added later with {@link #addListener(RunListener)} receives nothing, the
 * run having no events left.
 */
public final class RecordedRun implements PipelineRun {
  private final String id;
  private final String pipelineName;
  private final RunState state;
  private final String message;
  private final Map<String, StepStatus> steps;
  private final Map<String, URI> outputs;
  private final List<RunEvent> events;

  RecordedRun(
      String id,
      String pipelineName,
      RunState state,
      String message,
      Map<String, StepStatus> steps,
      Map<String, URI> outputs,
      List<RunEvent> events) {
    this.id = id;
    this.pipelineName = pipelineName;
    this.state = state;
    this.message = message;
    this.steps = Collections.unmodifiableMap(steps);
    this.outputs = Collections.unmodifiableMap(outputs);
    this.events = List.copyOf(events);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String pipelineName() {
    return pipelineName;
  }

  /** @return {@link RunState#COMPLETED} or {@link RunState#FAILED}; the run has ended */
  @Override
  public RunState state() {
    return state;
  }

  @Override
  public Map<String, StepStatus> steps() {
    return steps;
  }

  /**
   * Returns at once: the run has ended.
   *
   * @param timeout not used
   * @return {@link RunState#COMPLETED}
   * @throws PipelineRunException when the run failed, naming each failed step and its fake message
   */
  @Override
  public RunState waitForCompletion(Duration timeout) {
    if (state == RunState.COMPLETED) {
      return state;
    }
    List<StepStatus> failed =
        steps.values().stream().filter(s -> s.state() == StepState.FAILED).toList();
    throw new PipelineRunException(
        "Pipeline '"
            + pipelineName
            + "' run '"
            + id
            + "' "
            + state
            + ": "
            + message
            + failed.stream()
                .map(s -> "\n  - step '" + s.step() + "': " + s.message())
                .collect(Collectors.joining()),
        state,
        failed);
  }

  /** Does nothing: the run has already ended. */
  @Override
  public void cancel() {
    // The run ended during submit; there is nothing left to stop.
  }

  /**
   * Where the outputs of the completed and reused steps would be: {@code
   * recording:/<datastore>/sluice/runs/<runId>/<step>/<output>}. Nothing is written there.
   *
   * @return locations by data name
   */
  @Override
  public Map<String, URI> outputs() {
    return outputs;
  }

  /**
   * Accepts the listener, which is never called: the run has no events left. Pass listeners in
   * {@code RunOptions} to receive the run's events, or read {@link #events()}.
   *
   * @param listener the listener
   */
  @Override
  public void addListener(RunListener listener) {
    Objects.requireNonNull(listener, "listener");
  }

  /** @return every event of the run, in the order the listeners received them */
  public List<RunEvent> events() {
    return events;
  }

  /**
   * The status of one step.
   *
   * @param stepName the step's name
   * @return its status
   * @throws IllegalArgumentException when the run has no such step
   */
  public StepStatus step(String stepName) {
    StepStatus status = steps.get(stepName);
    if (status == null) {
      throw new IllegalArgumentException(
          "Run '" + id + "' has no step '" + stepName + "'; its steps are " + new ArrayList<>(steps.keySet()));
    }
    return status;
  }
}
