package io.sluice.core.orchestrator;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.sluice.core.run.RunState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One line of a run's {@link RunJournal}: something that happened, or is about to happen, in an
 * attempt of the run, with the time the orchestrator's clock gave. Written as one JSON object whose
 * {@code "type"} property names the kind of entry, e.g. {@code
 * {"type":"stepStarted","at":"2026-12-07T10:15:30Z","step":"prep","fingerprint":"…"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = JournalEntry.RunStarted.class, name = "runStarted"),
  @JsonSubTypes.Type(value = JournalEntry.ProcessStarted.class, name = "process"),
  @JsonSubTypes.Type(value = JournalEntry.StepStarted.class, name = "stepStarted"),
  @JsonSubTypes.Type(value = JournalEntry.RemoteRunRecorded.class, name = "remoteRun"),
  @JsonSubTypes.Type(value = JournalEntry.StepCompleted.class, name = "stepCompleted"),
  @JsonSubTypes.Type(value = JournalEntry.StepReused.class, name = "stepReused"),
  @JsonSubTypes.Type(value = JournalEntry.StepFailed.class, name = "stepFailed"),
  @JsonSubTypes.Type(value = JournalEntry.MlflowParentRecorded.class, name = "mlflowParent"),
  @JsonSubTypes.Type(value = JournalEntry.RunFinished.class, name = "runFinished")
})
public sealed interface JournalEntry {

  /** Returns when it happened, by the orchestrator's clock. */
  Instant at();

  /**
   * An attempt of the run started.
   *
   * @param at when
   * @param runId the run's id
   * @param attempt 1 for the first attempt, one more for each resumption
   */
  record RunStarted(Instant at, String runId, int attempt) implements JournalEntry {}

  /**
   * A step started a process on this machine, so that an attempt after a crash can stop it.
   *
   * @param at when
   * @param step the step's name
   * @param pid the process id
   * @param processStartedAt when the operating system says the process started, which tells a
   *     reused process id from the journaled process; empty when unknown
   */
  record ProcessStarted(Instant at, String step, long pid, Optional<Instant> processStartedAt)
      implements JournalEntry {}

  /**
   * A step is about to run (it was not reused).
   *
   * @param at when
   * @param step the step's name
   * @param fingerprint the step's fingerprint
   */
  record StepStarted(Instant at, String step, String fingerprint) implements JournalEntry {}

  /**
   * A step submitted a run to a remote service; an attempt after a crash re-attaches to it instead
   * of submitting again.
   *
   * @param at when
   * @param step the step's name
   * @param id the remote run's id
   */
  record RemoteRunRecorded(Instant at, String step, String id) implements JournalEntry {}

  /**
   * A step ran to its end and its outputs were stored.
   *
   * @param at when
   * @param step the step's name
   * @param fingerprint the step's fingerprint
   * @param result what the step returned
   * @param outputs its outputs by data name
   */
  record StepCompleted(
      Instant at, String step, String fingerprint, String result, Map<String, OutputRecord> outputs)
      implements JournalEntry {}

  /**
   * A step was not run: an earlier run's results stand in for it.
   *
   * @param at when
   * @param step the step's name
   * @param fingerprint the step's fingerprint
   * @param reusedRun the id of the run whose results are reused
   * @param result what the step returned in that run
   * @param outputs its outputs by data name, as that run stored them
   */
  record StepReused(
      Instant at,
      String step,
      String fingerprint,
      String reusedRun,
      String result,
      Map<String, OutputRecord> outputs)
      implements JournalEntry {}

  /**
   * A step failed, or was canceled while it ran.
   *
   * @param at when
   * @param step the step's name
   * @param message why
   */
  record StepFailed(Instant at, String step, String message) implements JournalEntry {}

  /**
   * The run's MLflow parent run was made.
   *
   * @param at when
   * @param runId the MLflow run id
   */
  record MlflowParentRecorded(Instant at, String runId) implements JournalEntry {}

  /**
   * An attempt of the run ended.
   *
   * @param at when
   * @param state how it ended
   */
  record RunFinished(Instant at, RunState state) implements JournalEntry {}
}
