package io.sluice.testing;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The run a {@link RecordingTransport} returns. It has already ended when {@code submit} returns —
 * every step is {@link StepState#COMPLETED}, except those given a fake failure (and the steps that
 * therefore did not run) — unless a step was faked as running ({@link
 * RecordingTransport#fakeRunning(String)}): then it runs until {@link #cancel()}. Its events went
 * to the {@code RunOptions} listeners during {@code submit}, and are kept in {@link #events()}; a
 * listener added with {@link #addListener(RunListener)} hears the events that come after.
 */
public final class RecordedRun implements PipelineRun {
  private final PipelineDefinition definition;
  private final PipelineRun run;
  private final EventRelay relay;
  private final ScriptedStepExecutor executor;

  RecordedRun(
      PipelineDefinition definition,
      PipelineRun run,
      EventRelay relay,
      ScriptedStepExecutor executor) {
    this.definition = definition;
    this.run = run;
    this.relay = relay;
    this.executor = executor;
  }

  @Override
  public String id() {
    return run.id();
  }

  @Override
  public String pipelineName() {
    return definition.name();
  }

  /**
   * @return {@link RunState#COMPLETED} or {@link RunState#FAILED} once ended; else the state it is
   *     in
   */
  @Override
  public RunState state() {
    return run.state();
  }

  @Override
  public Map<String, StepStatus> steps() {
    return run.steps();
  }

  /**
   * Waits for the run to end: at once, unless a step was faked as running.
   *
   * @param timeout how long to wait
   * @return {@link RunState#COMPLETED}
   * @throws PipelineRunException when the run failed or was canceled, naming each failed step and
   *     its fake message
   */
  @Override
  public RunState waitForCompletion(Duration timeout) {
    RunState state;
    try {
      state = run.waitForCompletion(timeout);
    } catch (PipelineRunException ended) {
      state = ended.state();
    }
    if (state == RunState.COMPLETED) {
      return state;
    }
    List<StepStatus> failed =
        steps().values().stream().filter(s -> s.state() == StepState.FAILED).toList();
    throw new PipelineRunException(
        "Pipeline '"
            + pipelineName()
            + "' run '"
            + id()
            + "' "
            + state
            + ": "
            + failed.stream()
                .findFirst()
                .map(s -> "step '" + s.step() + "' failed")
                .orElse("canceled")
            + failed.stream()
                .map(s -> "\n  - step '" + s.step() + "': " + s.message())
                .collect(Collectors.joining()),
        state,
        failed);
  }

  /** Cancels a run that still runs a step faked as running; does nothing to an ended run. */
  @Override
  public void cancel() {
    run.cancel();
  }

  /**
   * Where the outputs of the completed and reused steps would be: {@code
   * recording:/<datastore>/sluice/runs/<runId>/<step>/<output>}. Nothing is written there.
   *
   * @return locations by data name, in the order of the steps that write them
   */
  @Override
  public Map<String, URI> outputs() {
    Map<String, URI> runOutputs = run.outputs();
    Map<String, URI> outputs = new LinkedHashMap<>();
    for (StepDefinition step : definition.steps()) {
      step.outputs().stream()
          .filter(runOutputs::containsKey)
          .forEach(o -> outputs.put(o, runOutputs.get(o)));
    }
    return outputs;
  }

  /**
   * Adds a listener for the events still to come: none once the run has ended. Pass listeners in
   * {@code RunOptions} to receive every event, or read {@link #events()}.
   *
   * @param listener the listener
   */
  @Override
  public void addListener(RunListener listener) {
    relay.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Returns every event of the run so far, in the order the listeners received them. */
  public List<RunEvent> events() {
    return relay.events();
  }

  /**
   * What a step was given each time it started in this run: its arguments or widgets, rendered as
   * every transport renders them.
   *
   * @param stepName the step's name
   * @return its calls, oldest first; empty when it did not start
   */
  public List<StepCall> calls(String stepName) {
    step(stepName);
    return executor.calls(stepName);
  }

  /**
   * The status of one step.
   *
   * @param stepName the step's name
   * @return its status
   * @throws IllegalArgumentException when the run has no such step
   */
  public StepStatus step(String stepName) {
    StepStatus status = steps().get(stepName);
    if (status == null) {
      throw new IllegalArgumentException(
          "Run '"
              + id()
              + "' has no step '"
              + stepName
              + "'; its steps are "
              + new ArrayList<>(steps().keySet()));
    }
    return status;
  }
}
