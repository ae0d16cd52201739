package io.sluice.core.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.core.semantics.DuplicateRunException;
import io.sluice.core.semantics.DuplicateRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReplayTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  private static final OutputRecord CLEAN =
      new OutputRecord("lake", "p/clean", "abfss://l/p/clean", "/x/clean", "h");
  private static final OutputRecord CHANGED =
      new OutputRecord("lake", "p/other", "abfss://l/p/other", "/x/other", "h2");

  @TempDir Path folder;

  @Test
  void aRunWithoutAJournalHasNoEarlierAttempt() {
    JournalReplay none = JournalReplay.read(folder.resolve("r1/journal.jsonl"));

    assertThat(none.isEmpty()).isTrue();
    assertThat(none.nextAttempt()).isEqualTo(1);
    assertThat(none.finishedState()).isEmpty();
  }

  @Test
  void theLastAttemptSaysHowTheRunEndedAndWhichRemoteRunsAndMlflowParentToGoOnWith() {
    JournalReplay earlier =
        journal(
            new JournalEntry.RunStarted(T0, "r1", 1),
            new JournalEntry.MlflowParentRecorded(T0, "parent-1"),
            new JournalEntry.RemoteRunRecorded(T0, "prep", "11"),
            new JournalEntry.RunFinished(T0, RunState.FAILED),
            new JournalEntry.RunStarted(T0, "r1", 2),
            new JournalEntry.RemoteRunRecorded(T0, "prep", "12"),
            new JournalEntry.RemoteRunRecorded(T0, "train", "21"));

    assertThat(earlier.nextAttempt()).isEqualTo(3);
    assertThat(earlier.finishedState()).contains(RunState.FAILED);
    assertThat(earlier.mlflowParentRunId()).contains("parent-1");
    assertThat(earlier.remoteRunId("prep")).contains("12");
    assertThat(earlier.remoteRunId("train")).contains("21");
    assertThat(earlier.remoteRunId("score")).isEmpty();
  }

  @Test
  void aRemoteRunAfterWhichTheStepFailedIsNotReattachedAndTheStepIsSubmittedUnderTheAttemptsKey() {
    JournalReplay earlier =
        journal(
            new JournalEntry.RunStarted(T0, "r1", 1),
            new JournalEntry.RemoteRunRecorded(T0, "prep", "11"),
            new JournalEntry.RemoteRunRecorded(T0, "train", "21"),
            new JournalEntry.StepFailed(T0, "train", "out of memory"),
            new JournalEntry.RunFinished(T0, RunState.FAILED));

    assertThat(earlier.remoteRunId("train")).isEmpty();
    assertThat(earlier.submissionAttempt("train")).isEqualTo(2);
    assertThat(earlier.remoteRunId("prep")).contains("11");
    assertThat(earlier.submissionAttempt("prep")).isEqualTo(1);
  }

  @Test
  void aRemoteRunSubmittedAfterAFailureIsReattachedByTheAttemptAfterACrash() {
    JournalReplay earlier =
        journal(
            new JournalEntry.RunStarted(T0, "r1", 1),
            new JournalEntry.RemoteRunRecorded(T0, "train", "21"),
            new JournalEntry.StepFailed(T0, "train", "canceled"),
            new JournalEntry.RunFinished(T0, RunState.CANCELED),
            new JournalEntry.RunStarted(T0, "r1", 2),
            new JournalEntry.RemoteRunRecorded(T0, "train", "22"));

    assertThat(earlier.remoteRunId("train")).contains("22");
    assertThat(earlier.submissionAttempt("train")).isEqualTo(3);
  }

  @Test
  void keepsTheStepsFinishedWithTheSameFingerprintAndIntactOutputs() throws Exception {
    PipelineDefinition definition = twoSteps();
    String prep = definition.step("prep").orElseThrow().fingerprint().value();
    String train = definition.step("train").orElseThrow().fingerprint().value();
    JournalReplay earlier =
        journal(
            new JournalEntry.StepCompleted(T0, "prep", prep, "", Map.of("clean", CLEAN)),
            new JournalEntry.StepReused(T0, "train", train, "r0", "", Map.of()),
            new JournalEntry.StepCompleted(T0, "train", "an older fingerprint", "", Map.of()),
            new JournalEntry.StepCompleted(T0, "gone", "f", "", Map.of()),
            new JournalEntry.StepCompleted(T0, "prep", prep, "", Map.of("clean", CHANGED)));

    assertThat(earlier.keptSteps(definition, record -> !record.equals(CHANGED)))
        .containsExactly(
            new JournalReplay.KeptStep("prep", StepState.COMPLETED, Map.of("clean", CLEAN)),
            new JournalReplay.KeptStep("train", StepState.REUSED, Map.of()));
  }

  @Test
  void theDuplicateRunPolicyDecidesOnHowTheEarlierAttemptEnded() {
    JournalReplay completed =
        journal(
            new JournalEntry.RunStarted(T0, "r1", 1),
            new JournalEntry.RunFinished(T0, RunState.COMPLETED));
    JournalReplay unfinished =
        journal(folder.resolve("r2/journal.jsonl"), new JournalEntry.RunStarted(T0, "r2", 1));
    JournalReplay failed =
        journal(
            folder.resolve("r3/journal.jsonl"), new JournalEntry.RunFinished(T0, RunState.FAILED));

    assertThatThrownBy(() -> decide(DuplicateRunPolicy.REJECT, "r1", completed))
        .isInstanceOf(DuplicateRunException.class)
        .hasMessageStartingWith(
            "Run 'r1' already exists and ended COMPLETED; duplicateRunPolicy REJECT refuses it.");
    assertThatThrownBy(() -> decide(DuplicateRunPolicy.ALLOW_IF_FAILED, "r1", completed))
        .hasMessageContaining("ended COMPLETED; ");
    assertThatThrownBy(() -> decide(DuplicateRunPolicy.ALLOW_IF_FAILED, "r2", unfinished))
        .hasMessageContaining("has not ended; ");
    assertThat(decide(DuplicateRunPolicy.RESUME, "r1", completed))
        .isEqualTo(DuplicateRuns.Decision.RESUME);
    assertThat(decide(DuplicateRunPolicy.RESUME, "r2", unfinished))
        .isEqualTo(DuplicateRuns.Decision.RESUME);
    assertThat(decide(DuplicateRunPolicy.ALLOW_IF_FAILED, "r3", failed))
        .isEqualTo(DuplicateRuns.Decision.RESTART);
  }

  /** The decision the orchestrator's admission takes on what an earlier attempt journaled. */
  private static DuplicateRuns.Decision decide(
      DuplicateRunPolicy policy, String runId, JournalReplay earlier) {
    return DuplicateRuns.decide(
        runId,
        policy,
        Optional.of(new DuplicateRuns.EarlierRun(earlier.finishedState(), Optional.empty())),
        "f");
  }

  private JournalReplay journal(JournalEntry... entries) {
    return journal(folder.resolve("r1/journal.jsonl"), entries);
  }

  private static JournalReplay journal(Path file, JournalEntry... entries) {
    try (RunJournal journal = RunJournal.open(file)) {
      List.of(entries).forEach(journal::append);
    }
    return JournalReplay.read(file);
  }

  private PipelineDefinition twoSteps() throws Exception {
    Files.createDirectories(folder.resolve("src"));
    Files.writeString(folder.resolve("src/prep.py"), "print('prep')\n");
    Files.writeString(folder.resolve("src/train.py"), "print('train')\n");
    PythonScriptStep prep =
        PythonScriptStep.builder()
            .name("prep")
            .scriptName("prep.py")
            .sourceDirectory("src")
            .build();
    PythonScriptStep train =
        PythonScriptStep.builder()
            .name("train")
            .scriptName("train.py")
            .sourceDirectory("src")
            .runAfter(prep)
            .build();
    return PipelineCompiler.compile(
        Pipeline.builder().name("two").steps(prep, train).build(), folder);
  }
}
