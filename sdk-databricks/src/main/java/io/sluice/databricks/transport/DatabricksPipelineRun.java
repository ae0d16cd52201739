package io.sluice.databricks.transport;

import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import io.sluice.core.SluiceException;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunListener;
import io.sluice.core.run.RunState;
import io.sluice.core.run.RunTimeoutException;
import io.sluice.core.run.StepState;
import io.sluice.core.run.StepStatus;
import io.sluice.databricks.DatabricksException;
import io.sluice.databricks.DatabricksRunException;
import io.sluice.databricks.JobsClient;
import io.sluice.databricks.models.Run;
import io.sluice.databricks.models.RunLifeCycleState;
import io.sluice.databricks.models.RunOutput;
import io.sluice.databricks.models.RunResultState;
import io.sluice.databricks.models.RunTask;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A pipeline run on Databricks: one multi-task job run, with each task's state mapped to its step's
 * state, and each notebook's exit value ({@code dbutils.notebook.exit}) as its step's result.
 *
 * <p>Events keep the order a listener relies on although a poll may see several changes at once:
 * they are emitted in the definition's step order (dependencies first), and a step that ran reports
 * RUNNING before its final state even when it started and ended between two polls. The steps a
 * repair kept report {@link StepState#REUSED}.
 */
public final class DatabricksPipelineRun implements PipelineRun {
  private final JobsClient jobs;
  private final PipelineDefinition definition;
  private final String runId;
  private final long databricksRunId;
  private final Map<String, String> taskKeys;
  private final Map<String, String> dataLocations;
  private final Set<String> keptSteps;
  private final SyncPoller<Run, Run> poller;
  // The transport's pollIntervalFloor: the shortest wait between two status requests.
  private final Duration minDelay;
  private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, StepStatus> statuses = new LinkedHashMap<>();
  private final Map<String, String> exitValues = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private RunState state = RunState.QUEUED;
  private Run last;
  // The earliest time the next status request may go out: the poller's adaptive delay after the
  // last one, shared by waits and by reads of state() and steps().
  private long nextPollNanos = System.nanoTime();

  DatabricksPipelineRun(
      JobsClient jobs,
      PipelineDefinition definition,
      String runId,
      long databricksRunId,
      Map<String, String> taskKeys,
      Map<String, String> dataLocations,
      Set<String> keptSteps,
      Duration minDelay,
      List<RunListener> listeners) {
    this.jobs = jobs;
    this.definition = definition;
    this.runId = runId;
    this.databricksRunId = databricksRunId;
    this.taskKeys = Map.copyOf(taskKeys);
    this.dataLocations = Map.copyOf(dataLocations);
    this.keptSteps = Set.copyOf(keptSteps);
    this.minDelay = minDelay;
    this.listeners.addAll(listeners);
    definition.steps().forEach(s -> statuses.put(s.name(), StepStatus.queued(s.name())));
    this.poller = jobs.beginWaitForRun(databricksRunId);
  }

  /** Returns the Databricks run id of the job run. */
  public long getDatabricksRunId() {
    return databricksRunId;
  }

  /**
   * The value a step's notebook passed to {@code dbutils.notebook.exit}, once the step completed.
   *
   * @param step the step's name
   * @return the value, or empty when the step has not completed or its notebook set none
   */
  public synchronized Optional<String> getExitValue(String step) {
    return Optional.ofNullable(exitValues.get(step));
  }

  @Override
  public String id() {
    return runId;
  }

  @Override
  public String pipelineName() {
    return definition.name();
  }

  @Override
  public synchronized RunState state() {
    refreshIfStale();
    return state;
  }

  @Override
  public synchronized Map<String, StepStatus> steps() {
    refreshIfStale();
    return Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
  }

  @Override
  public RunState waitForCompletion(Duration timeout) {
    // The lock is held per poll, not across sleeps, so state() and steps() answer while waiting.
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!currentState().isTerminal()) {
      long wait = nextPollAt() - System.nanoTime();
      long left = deadline - System.nanoTime();
      if (wait > 0 && wait >= left) {
        sleep(Math.max(0, left));
        throw new RunTimeoutException(
            "Run '"
                + runId
                + "' (Databricks run "
                + databricksRunId
                + ") is still "
                + currentState()
                + " after "
                + timeout
                + "; it goes on");
      }
      if (wait > 0) {
        sleep(wait);
      }
      pollOnce();
    }
    return ended();
  }

  private synchronized long nextPollAt() {
    return nextPollNanos;
  }

  private synchronized RunState currentState() {
    return state;
  }

  private synchronized RunState ended() {
    if (state != RunState.COMPLETED) {
      List<StepStatus> failed =
          statuses.values().stream().filter(s -> s.state() == StepState.FAILED).toList();
      throw new PipelineRunException(
          "Run '"
              + runId
              + "' of pipeline '"
              + definition.name()
              + "' ended "
              + state
              + " on Databricks (run "
              + databricksRunId
              + ")"
              + (failed.isEmpty()
                  ? ""
                  : ":\n"
                      + failed.stream()
                          .map(s -> "step '" + s.step() + "' failed: " + s.message())
                          .collect(Collectors.joining("\n")))
              + (last == null || last.runPageUrl() == null ? "" : "\nSee " + last.runPageUrl()),
          state,
          failed);
    }
    return state;
  }

  @Override
  public void cancel() {
    jobs.cancelRun(databricksRunId);
  }

  @Override
  public synchronized Map<String, URI> outputs() {
    Map<String, URI> uris = new LinkedHashMap<>();
    for (StepDefinition step : definition.steps()) {
      if (statuses.get(step.name()).state().isSuccessful()) {
        step.outputs()
            .forEach(o -> uris.put(o, URI.create(dataLocations.get(o).replace(" ", "%20"))));
      }
    }
    return uris;
  }

  @Override
  public void addListener(RunListener listener) {
    listeners.add(listener);
  }

  // ------------------------------------------------------------------------------ polling

  private void refreshIfStale() {
    // Reads between waits must not poll faster than the waiter does.
    if (!state.isTerminal() && System.nanoTime() >= nextPollNanos) {
      pollOnce();
    }
  }

  /** Polls once and sets when the next poll may go out. */
  private synchronized void pollOnce() {
    long start = System.nanoTime();
    try {
      PollResponse<Run> response = poller.poll();
      observe(response.getValue());
      Duration delay =
          response.getRetryAfter() == null || response.getRetryAfter().compareTo(minDelay) < 0
              ? minDelay
              : response.getRetryAfter();
      nextPollNanos = start + delay.toNanos();
    } catch (RuntimeException e) {
      DatabricksRunException failure = runFailure(e);
      if (failure == null) {
        throw e;
      }
      errors.putAll(failure.getTaskErrors());
      observe(failure.getRun());
    }
  }

  private static DatabricksRunException runFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DatabricksRunException failure) {
        return failure;
      }
    }
    return null;
  }

  private void observe(Run run) {
    if (run == null) {
      return;
    }
    last = run;
    // A task retried is listed once per attempt, the latest last: that one counts.
    Map<String, RunTask> byKey = new LinkedHashMap<>();
    run.tasks().forEach(t -> byKey.put(t.taskKey(), t));
    // Steps come dependencies first, so a producer's end is emitted before its consumer's start.
    for (StepDefinition step : definition.steps()) {
      RunTask task = byKey.get(taskKeys.get(step.name()));
      if (task != null) {
        update(step, task);
      }
    }
    RunState newState = runState(run);
    if (newState.isTerminal()) {
      // A run that ended INTERNAL_ERROR or was cancelled may leave tasks that never started.
      for (StepDefinition step : definition.steps()) {
        StepStatus old = statuses.get(step.name());
        if (!old.state().isTerminal()) {
          StepStatus status =
              new StepStatus(
                  step.name(),
                  newState == RunState.CANCELED ? StepState.CANCELED : StepState.SKIPPED,
                  old.startedAt(),
                  old.startedAt(),
                  "not run: the job run ended " + run.lifeCycleState());
          change(status);
        }
      }
    }
    if (newState != state) {
      state = newState;
      emit(
          new RunEvent.RunStateChanged(
              runId,
              newState,
              run.state() == null || run.state().stateMessage() == null
                  ? ""
                  : run.state().stateMessage()));
    }
  }

  private void update(StepDefinition step, RunTask task) {
    StepState newState = stepState(task);
    if (newState == StepState.COMPLETED && keptSteps.contains(step.name())) {
      newState = StepState.REUSED;
    }
    StepStatus old = statuses.get(step.name());
    if (old.state() == newState) {
      return;
    }
    Optional<Instant> startedAt =
        Optional.ofNullable(task.startTime()).filter(t -> t > 0).map(Instant::ofEpochMilli);
    if (old.state() == StepState.QUEUED && newState.isTerminal() && ran(newState, startedAt)) {
      // It started and ended between two polls: it still ran, and says so before it says how it
      // ended.
      change(new StepStatus(step.name(), StepState.RUNNING, startedAt, Optional.empty(), ""));
    }
    change(
        new StepStatus(
            step.name(),
            newState,
            startedAt,
            newState.isTerminal()
                ? Optional.ofNullable(task.endTime()).filter(t -> t > 0).map(Instant::ofEpochMilli)
                : Optional.empty(),
            message(step, task, newState)));
  }

  /**
   * Whether a step that ended this way ran: one skipped, kept, or canceled before it started did
   * not.
   */
  private static boolean ran(StepState ended, Optional<Instant> startedAt) {
    return ended != StepState.SKIPPED
        && ended != StepState.REUSED
        && (startedAt.isPresent() || ended != StepState.CANCELED);
  }

  private String message(StepDefinition step, RunTask task, StepState state) {
    boolean notebook = step.task() instanceof DatabricksTask.Notebook;
    if (state == StepState.REUSED) {
      if (notebook) {
        exitValue(step, task);
      }
      return "kept: it completed before Databricks run " + databricksRunId + " was repaired";
    }
    if (state == StepState.COMPLETED && notebook) {
      return exitValue(step, task);
    }
    if (state == StepState.FAILED) {
      return errors.getOrDefault(
          task.taskKey(),
          task.state() == null || task.state().stateMessage() == null
              ? ""
              : task.state().stateMessage());
    }
    return state.isTerminal() && task.state() != null && task.state().stateMessage() != null
        ? task.state().stateMessage()
        : "";
  }

  private void change(StepStatus status) {
    statuses.put(status.step(), status);
    emit(new RunEvent.StepStateChanged(runId, status));
  }

  private String exitValue(StepDefinition step, RunTask task) {
    try {
      RunOutput output = jobs.getRunOutput(task.runId());
      String value = output.notebookOutput() == null ? null : output.notebookOutput().result();
      if (value != null) {
        exitValues.put(step.name(), value);
      }
      return value == null ? "" : value;
    } catch (DatabricksException e) {
      return "";
    }
  }

  static StepState stepState(RunTask task) {
    RunLifeCycleState life = task.lifeCycleState();
    RunResultState result = task.state() == null ? null : task.state().resultState();
    return switch (life) {
      case RUNNING, TERMINATING -> StepState.RUNNING;
      case SKIPPED -> StepState.SKIPPED;
      case INTERNAL_ERROR -> StepState.FAILED;
      case TERMINATED ->
          result == null
              ? StepState.FAILED
              : switch (result) {
                case SUCCESS -> StepState.COMPLETED;
                case CANCELED -> StepState.CANCELED;
                case UPSTREAM_FAILED, UPSTREAM_CANCELED, EXCLUDED, DISABLED -> StepState.SKIPPED;
                default -> StepState.FAILED;
              };
      default -> StepState.QUEUED;
    };
  }

  static RunState runState(Run run) {
    RunLifeCycleState life = run.lifeCycleState();
    RunResultState result = run.state() == null ? null : run.state().resultState();
    if (!life.isTerminal()) {
      return life == RunLifeCycleState.RUNNING || life == RunLifeCycleState.TERMINATING
          ? RunState.RUNNING
          : RunState.QUEUED;
    }
    if (life == RunLifeCycleState.TERMINATED && result == RunResultState.SUCCESS) {
      return RunState.COMPLETED;
    }
    return result == RunResultState.CANCELED ? RunState.CANCELED : RunState.FAILED;
  }

  private void emit(RunEvent event) {
    for (RunListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        // A listener's failure must not stop the run's bookkeeping.
      }
    }
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(Duration.ofNanos(nanos).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException("Interrupted while waiting for a Databricks run", e);
    }
  }
}
