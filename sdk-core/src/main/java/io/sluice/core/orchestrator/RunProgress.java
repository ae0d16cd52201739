package io.sluice.core.orchestrator;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunListener;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.core.run.StepStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The states of a run and of its steps, timed by the orchestrator's clock, and the listeners told
 * of each change. Every change is told after it is made, in the order the changes were made.
 */
final class RunProgress {
  private static final Logger LOGGER = LoggerFactory.getLogger(RunProgress.class);

  private final String runId;
  private final Clock clock;
  private final Map<String, StepStatus> statuses = new LinkedHashMap<>();
  private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
  private volatile RunState state = RunState.QUEUED;

  RunProgress(
      String runId, PipelineDefinition definition, List<RunListener> listeners, Clock clock) {
    this.runId = runId;
    this.clock = clock;
    this.listeners.addAll(listeners);
    definition.steps().forEach(s -> statuses.put(s.name(), StepStatus.queued(s.name())));
  }

  RunState state() {
    return state;
  }

  synchronized StepStatus step(String step) {
    return statuses.get(step);
  }

  synchronized Map<String, StepStatus> steps() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
  }

  boolean anyFailed() {
    return steps().values().stream().anyMatch(s -> s.state() == StepState.FAILED);
  }

  /**
   * Moves a step to a new state: a step starts when it first runs, and ends in a terminal state.
   */
  void update(String step, StepState newState, String message) {
    StepStatus status;
    synchronized (this) {
      StepStatus old = statuses.get(step);
      Instant now = clock.instant();
      Optional<Instant> started =
          newState == StepState.RUNNING
              ? old.startedAt().or(() -> Optional.of(now))
              : old.startedAt();
      Optional<Instant> ended = newState.isTerminal() ? Optional.of(now) : Optional.empty();
      status = new StepStatus(step, newState, started, ended, message == null ? "" : message);
      statuses.put(step, status);
    }
    emit(new RunEvent.StepStateChanged(runId, status));
  }

  void setState(RunState newState, String message) {
    state = newState;
    emit(new RunEvent.RunStateChanged(runId, newState, message));
  }

  void addListener(RunListener listener) {
    listeners.add(listener);
  }

  /** Tells every listener; a listener that fails is logged and does not stop the run. */
  void emit(RunEvent event) {
    for (RunListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOGGER.warn("A run listener failed on {}", event.getClass().getSimpleName(), e);
      }
    }
  }
}
