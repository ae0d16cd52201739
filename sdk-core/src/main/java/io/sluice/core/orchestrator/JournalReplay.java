package io.sluice.core.orchestrator;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What earlier attempts of a run journaled, read back for the attempt that starts now: how they
 * ended, the steps they finished, the remote runs to re-attach to, the processes to stop and the
 * MLflow parent run to go on with.
 */
final class JournalReplay {
  private static final Logger LOGGER = LoggerFactory.getLogger(JournalReplay.class);

  /**
   * A step an earlier attempt finished, kept instead of run again.
   *
   * @param step the step's name
   * @param state {@link StepState#COMPLETED} or {@link StepState#REUSED}
   * @param outputs its outputs
   */
  record KeptStep(String step, StepState state, Map<String, OutputRecord> outputs) {}

  private final List<JournalEntry> entries;

  private JournalReplay(List<JournalEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Reads a run's journal.
   *
   * @param file the journal; a missing file is a run with no earlier attempt
   * @return its entries
   */
  static JournalReplay read(Path file) {
    return new JournalReplay(RunJournal.read(file));
  }

  /** Returns whether no earlier attempt journaled anything. */
  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Returns how the last earlier attempt that finished ended. */
  Optional<RunState> finishedState() {
    return last(JournalEntry.RunFinished.class).map(JournalEntry.RunFinished::state);
  }

  /** Returns the number of the attempt that starts now. */
  int nextAttempt() {
    return (int) entries.stream().filter(JournalEntry.RunStarted.class::isInstance).count() + 1;
  }

  /** Returns the MLflow parent run an earlier attempt made. */
  Optional<String> mlflowParentRunId() {
    return last(JournalEntry.MlflowParentRecorded.class)
        .map(JournalEntry.MlflowParentRecorded::runId);
  }

  /**
   * The remote run an earlier attempt recorded for a step and did not see end, to re-attach to
   * instead of submitting again: a runner that died left it running. A remote run after which the
   * step failed or was canceled is over, and a new attempt does not go back to it.
   */
  Optional<String> remoteRunId(String step) {
    Optional<String> id = Optional.empty();
    for (JournalEntry entry : entries) {
      if (entry instanceof JournalEntry.RemoteRunRecorded r && r.step().equals(step)) {
        id = Optional.of(r.id());
      } else if (entry instanceof JournalEntry.StepFailed f && f.step().equals(step)) {
        id = Optional.empty();
      }
    }
    return id;
  }

  /**
   * The attempt whose number a step's idempotency key carries: 1 while no attempt saw the step
   * fail, so that a resumed attempt submits under the key of the remote run that may still go on;
   * the attempt that starts now once one did, so that the remote service starts a new run instead
   * of answering with the one that failed.
   */
  int submissionAttempt(String step) {
    boolean failed =
        entries.stream()
            .anyMatch(e -> e instanceof JournalEntry.StepFailed f && f.step().equals(step));
    return failed ? nextAttempt() : 1;
  }

  /**
   * The steps an earlier attempt finished with the same fingerprint and whose outputs still hold
   * what they held, in journal order (a step finished by several attempts is listed each time).
   *
   * @param definition the pipeline as submitted now
   * @param intact whether a recorded output is unchanged
   * @return the steps not to run again
   */
  List<KeptStep> keptSteps(PipelineDefinition definition, Predicate<OutputRecord> intact) {
    List<KeptStep> kept = new ArrayList<>();
    for (JournalEntry entry : entries) {
      if (entry instanceof JournalEntry.StepCompleted c) {
        keep(definition, intact, c.step(), c.fingerprint(), StepState.COMPLETED, c.outputs())
            .ifPresent(kept::add);
      } else if (entry instanceof JournalEntry.StepReused r) {
        keep(definition, intact, r.step(), r.fingerprint(), StepState.REUSED, r.outputs())
            .ifPresent(kept::add);
      }
    }
    return kept;
  }

  private static Optional<KeptStep> keep(
      PipelineDefinition definition,
      Predicate<OutputRecord> intact,
      String step,
      String fingerprint,
      StepState state,
      Map<String, OutputRecord> outputs) {
    Optional<StepDefinition> now = definition.step(step);
    if (now.isEmpty()
        || !now.get().fingerprint().value().equals(fingerprint)
        || !outputs.values().stream().allMatch(intact)) {
      return Optional.empty();
    }
    return Optional.of(new KeptStep(step, state, outputs));
  }

  /** Stops the step processes a runner that died left running, before their steps run again. */
  void stopOrphanProcesses() {
    entries.stream()
        .filter(JournalEntry.ProcessStarted.class::isInstance)
        .map(JournalEntry.ProcessStarted.class::cast)
        .forEach(JournalReplay::stopIfStillRunning);
  }

  private static void stopIfStillRunning(JournalEntry.ProcessStarted entry) {
    // The start time tells the journaled process from a later one that got the same id.
    ProcessHandle.of(entry.pid())
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().startInstant().equals(entry.processStartedAt()))
        .ifPresent(
            p -> {
              LOGGER.info("Stopping process {} left running by an earlier attempt", entry.pid());
              StepProcess.stop(p);
            });
  }

  private <T extends JournalEntry> Optional<T> last(Class<T> type) {
    return entries.stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> b);
  }
}
