package io.sluice.azureml.transport;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.models.Job;
import io.sluice.azureml.models.JobStatus;
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
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pipeline job on Azure ML seen as a {@link PipelineRun}: the run's state is the pipeline job's,
 * each step's is that of the child job with its node name. Polls at the transport's interval while
 * steps change, backs off to a minute while nothing does, and stops once the run has ended.
 *
 * <p>Events follow the contract every transport keeps: a step starts QUEUED without an event,
 * reports RUNNING (also when its child went from queued to its end between two polls) and then its
 * final state; once the pipeline job has ended, a node that never got a child job, or whose child
 * never started, is SKIPPED (CANCELED when the run was), since Azure ML reports nothing more for
 * it; the run's final state comes after every step's.
 */
final class AzureMlPipelineRun implements PipelineRun {
  /** The longest wait between two polls of an unchanging run. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private final AzureMlClient client;
  private final PipelineDefinition definition;
  private final String runId;
  private final String jobName;
  private final Map<String, URI> outputUris;
  private final Duration pollInterval;
  private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, StepState> reported = new HashMap<>();
  private RunState lastState;

  /**
   * @param runId the run's id, which events name
   * @param jobName the pipeline job of the run's current attempt
   */
  AzureMlPipelineRun(
      AzureMlClient client,
      PipelineDefinition definition,
      String runId,
      String jobName,
      Map<String, URI> outputUris,
      Duration pollInterval,
      List<RunListener> listeners) {
    this.client = client;
    this.definition = definition;
    this.runId = runId;
    this.jobName = jobName;
    this.outputUris = outputUris;
    this.pollInterval = pollInterval;
    this.listeners.addAll(listeners);
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
    RunState state = jobState();
    if (state.isTerminal() && state != lastState) {
      steps(state); // every step's final state before the run's
    }
    report(state);
    return state;
  }

  @Override
  public synchronized Map<String, StepStatus> steps() {
    return steps(lastState != null && lastState.isTerminal() ? lastState : jobState());
  }

  /** The steps as the children of a pipeline job in this state show them, reporting each change. */
  private Map<String, StepStatus> steps(RunState state) {
    Map<String, Job> children = new HashMap<>();
    for (Job child : client.listChildJobs(jobName)) {
      children.put(child.displayName(), child);
    }
    Map<String, StepStatus> steps = new LinkedHashMap<>();
    for (StepDefinition step : definition.steps()) {
      Job child = children.get(step.name());
      StepStatus status =
          child == null
              ? StepStatus.queued(step.name())
              : new StepStatus(
                  step.name(),
                  stepState(child),
                  child.startedAt().map(t -> t.toInstant()),
                  child.endedAt().map(t -> t.toInstant()),
                  child.error().orElse(""));
      if (state.isTerminal() && status.state() == StepState.QUEUED) {
        status = notRun(step, state, steps);
      }
      steps.put(step.name(), status);
      report(status);
    }
    return steps;
  }

  /** A step the ended pipeline job never started, with why. */
  private StepStatus notRun(StepDefinition step, RunState state, Map<String, StepStatus> earlier) {
    if (state == RunState.CANCELED) {
      return new StepStatus(
          step.name(),
          StepState.CANCELED,
          Optional.empty(),
          Optional.empty(),
          "the run was canceled before the step started");
    }
    List<String> unmet =
        step.dependsOn().stream()
            .filter(d -> earlier.containsKey(d) && !earlier.get(d).state().isSuccessful())
            .map(d -> "'" + d + "' (" + earlier.get(d).state() + ")")
            .toList();
    return new StepStatus(
        step.name(),
        StepState.SKIPPED,
        Optional.empty(),
        Optional.empty(),
        unmet.isEmpty()
            ? "skipped: Azure ML pipeline job '"
                + jobName
                + "' ended "
                + state
                + " before the step started"
            : "skipped: it runs after " + String.join(", ", unmet) + ", which did not complete");
  }

  /**
   * Reports a step's change; a step seen ending before it was seen running reports RUNNING first.
   */
  private void report(StepStatus status) {
    StepState before = reported.getOrDefault(status.step(), StepState.QUEUED);
    if (before == status.state()) {
      return;
    }
    boolean ran =
        status.state() == StepState.COMPLETED
            || status.state() == StepState.FAILED
            || (status.state() == StepState.CANCELED && status.startedAt().isPresent());
    if (before == StepState.QUEUED && ran) {
      emit(
          new RunEvent.StepStateChanged(
              runId,
              new StepStatus(
                  status.step(), StepState.RUNNING, status.startedAt(), Optional.empty(), "")));
    }
    reported.put(status.step(), status.state());
    emit(new RunEvent.StepStateChanged(runId, status));
  }

  private void report(RunState state) {
    if (state != lastState) {
      lastState = state;
      emit(new RunEvent.RunStateChanged(runId, state, ""));
    }
  }

  private RunState jobState() {
    return runState(client.getJob(jobName).status());
  }

  @Override
  public RunState waitForCompletion(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    RunState state = state();
    Duration wait = pollInterval;
    Map<String, StepStatus> seen = Map.of();
    while (!state.isTerminal()) {
      if (Instant.now().isAfter(deadline)) {
        throw new RunTimeoutException(
            "Azure ML pipeline job '"
                + jobName
                + "' is still "
                + state
                + " after "
                + timeout
                + "; it keeps running: wait again or cancel() it");
      }
      sleep(wait);
      Map<String, StepStatus> now;
      synchronized (this) {
        // The job's state first: once it has ended, its children are final too.
        state = jobState();
        now = steps(state);
        report(state);
      }
      // Adaptive: poll at the base interval while steps change, back off while nothing does.
      wait = now.equals(seen) ? longer(wait) : pollInterval;
      seen = now;
    }
    if (state != RunState.COMPLETED) {
      List<StepStatus> failed =
          (seen.isEmpty() ? steps() : seen)
              .values().stream().filter(s -> s.state() == StepState.FAILED).toList();
      StringBuilder message =
          new StringBuilder("Azure ML pipeline job '")
              .append(jobName)
              .append("' ended ")
              .append(state);
      failed.forEach(
          s ->
              message
                  .append("; step '")
                  .append(s.step())
                  .append("' failed")
                  .append(s.message().isEmpty() ? "" : ": " + s.message()));
      throw new PipelineRunException(message.toString(), state, failed);
    }
    return state;
  }

  @Override
  public void cancel() {
    client.beginCancelJob(jobName).poll();
  }

  @Override
  public Map<String, URI> outputs() {
    Map<String, URI> available = new LinkedHashMap<>();
    Map<String, StepStatus> steps = steps();
    definition
        .data()
        .forEach(
            data -> {
              StepStatus producer = steps.get(data.producer());
              if (producer != null && producer.state().isSuccessful()) {
                Optional.ofNullable(outputUris.get(data.name()))
                    .ifPresent(u -> available.put(data.name(), u));
              }
            });
    return available;
  }

  @Override
  public void addListener(RunListener listener) {
    listeners.add(listener);
  }

  private void emit(RunEvent event) {
    listeners.forEach(l -> l.onEvent(event));
  }

  private Duration longer(Duration wait) {
    Duration ceiling = pollInterval.compareTo(MAX_WAIT) > 0 ? pollInterval : MAX_WAIT;
    Duration next = wait.multipliedBy(3).dividedBy(2);
    return next.compareTo(ceiling) > 0 ? ceiling : next;
  }

  private void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunTimeoutException(
          "interrupted while waiting for Azure ML pipeline job '"
              + jobName
              + "'; it keeps running");
    }
  }

  static RunState runState(JobStatus status) {
    if (status.equals(JobStatus.COMPLETED)) {
      return RunState.COMPLETED;
    } else if (status.equals(JobStatus.FAILED)) {
      return RunState.FAILED;
    } else if (status.equals(JobStatus.CANCELED)) {
      return RunState.CANCELED;
    } else if (status.equals(JobStatus.RUNNING)
        || status.equals(JobStatus.FINALIZING)
        || status.equals(JobStatus.CANCEL_REQUESTED)) {
      return RunState.RUNNING;
    }
    return RunState.QUEUED;
  }

  static StepState stepState(Job child) {
    // Azure ML reports a reused child as completed and marks it with this property.
    if (child.status().equals(JobStatus.COMPLETED)
        && "true".equalsIgnoreCase(child.properties().get("azureml.isreused"))) {
      return StepState.REUSED;
    }
    return switch (runState(child.status())) {
      case COMPLETED -> StepState.COMPLETED;
      case FAILED -> StepState.FAILED;
      case CANCELED -> StepState.CANCELED;
      case RUNNING -> StepState.RUNNING;
      case QUEUED -> StepState.QUEUED;
    };
  }
}
