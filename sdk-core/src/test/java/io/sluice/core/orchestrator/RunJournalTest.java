package io.sluice.core.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.SluiceException;
import io.sluice.core.run.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJournalTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:15:30.123456789Z");

  @TempDir Path folder;

  @Test
  void readsBackEveryKindOfEntryAsWrittenAcrossReopens() {
    Path file = folder.resolve("run/journal.jsonl");
    OutputRecord clean =
        new OutputRecord(
            "lake", "sluice/runs/r1/prep/clean", "abfss://x/clean", "/tmp/clean", "h1");
    List<JournalEntry> written =
        List.of(
            new JournalEntry.RunStarted(T0, "r1", 1),
            new JournalEntry.StepStarted(T0.plusSeconds(1), "prep", "f1"),
            new JournalEntry.ProcessStarted(
                T0.plusSeconds(2), "prep", 42, Optional.of(T0.plusMillis(1500))),
            new JournalEntry.ProcessStarted(T0.plusSeconds(2), "prep", 43, Optional.empty()),
            new JournalEntry.RemoteRunRecorded(T0.plusSeconds(3), "prep", "981"),
            new JournalEntry.MlflowParentRecorded(T0.plusSeconds(3), "mlflow-1"),
            new JournalEntry.StepCompleted(
                T0.plusSeconds(4), "prep", "f1", "done", Map.of("clean", clean)),
            new JournalEntry.StepReused(T0.plusSeconds(5), "report", "f2", "r0", "", Map.of()),
            new JournalEntry.StepFailed(T0.plusSeconds(6), "train", "out of memory"));
    try (RunJournal journal = RunJournal.open(file)) {
      written.forEach(journal::append);
    }
    try (RunJournal journal = RunJournal.open(file)) {
      journal.append(new JournalEntry.RunFinished(T0.plusSeconds(7), RunState.FAILED));
    }

    List<JournalEntry> read = RunJournal.read(file);

    assertThat(read).hasSize(written.size() + 1);
    assertThat(read.subList(0, written.size())).isEqualTo(written);
    assertThat(read.get(written.size()))
        .isEqualTo(new JournalEntry.RunFinished(T0.plusSeconds(7), RunState.FAILED));
  }

  @Test
  void writesOneJsonObjectALineWithItsTypeAndTime() throws Exception {
    Path file = folder.resolve("journal.jsonl");
    try (RunJournal journal = RunJournal.open(file)) {
      journal.append(new JournalEntry.RemoteRunRecorded(T0, "prep", "981"));
    }

    assertThat(Files.readString(file))
        .isEqualTo(
            "{\"type\":\"remoteRun\",\"at\":\"2026-12-07T10:15:30.123456789Z\",\"id\":\"981\",\"step\":\"prep\"}\n");
  }

  @Test
  void ignoresALineTornByACrashAndStartsTheNextAttemptOnANewLine() throws Exception {
    Path file = folder.resolve("journal.jsonl");
    try (RunJournal journal = RunJournal.open(file)) {
      journal.append(new JournalEntry.StepStarted(T0, "prep", "f1"));
    }
    Files.writeString(file, "{\"type\":\"stepCompl", StandardOpenOption.APPEND);

    assertThat(RunJournal.read(file))
        .containsExactly(new JournalEntry.StepStarted(T0, "prep", "f1"));

    try (RunJournal journal = RunJournal.open(file)) {
      journal.append(new JournalEntry.RunStarted(T0.plusSeconds(9), "r1", 2));
    }
    assertThat(RunJournal.read(file))
        .containsExactly(
            new JournalEntry.StepStarted(T0, "prep", "f1"),
            new JournalEntry.RunStarted(T0.plusSeconds(9), "r1", 2));
  }

  @Test
  void aCompleteLineThatIsNoEntryIsAnErrorNamingTheLine() throws Exception {
    Path file = folder.resolve("journal.jsonl");
    Files.writeString(
        file,
        """
        {"type":"stepStarted","at":"2026-12-07T10:15:30Z","step":"a","fingerprint":"f"}
        {"type":"teleported","at":"2026-12-07T10:15:30Z"}
        """);

    assertThatThrownBy(() -> RunJournal.read(file))
        .isInstanceOf(SluiceException.class)
        .hasMessageStartingWith("Run journal " + file + " line 2 is not a journal entry (")
        .hasMessageEndingWith("); the run cannot be resumed: submit it with another run id");
  }

  @Test
  void aMissingJournalIsEmpty() {
    assertThat(RunJournal.read(folder.resolve("none.jsonl"))).isEmpty();
  }
}
