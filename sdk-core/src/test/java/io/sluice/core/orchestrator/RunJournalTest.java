package io.sluice.core.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJournalTest {
  @TempDir Path folder;

  @Test
  void readsBackWhatWasAppendedAcrossReopens() {
    Path file = folder.resolve("run/journal.jsonl");
    try (RunJournal journal = RunJournal.open(file)) {
      journal.append(RunJournal.entry("stepStarted").put("step", "prep"));
    }
    try (RunJournal journal = RunJournal.open(file)) {
      journal.append(RunJournal.entry("stepCompleted").put("step", "prep"));
    }

    List<JsonNode> entries = RunJournal.read(file);

    assertThat(entries).extracting(e -> e.get("type").asText()).containsExactly("stepStarted", "stepCompleted");
  }

  @Test
  void ignoresALastLineTornByACrash() throws Exception {
    Path file = folder.resolve("journal.jsonl");
    try (RunJournal journal = RunJournal.open(file)) {
      journal.append(RunJournal.entry("stepStarted").put("step", "prep"));
    }
    Files.writeString(file, "{\"type\":\"stepCompl", StandardOpenOption.APPEND);

    assertThat(RunJournal.read(file)).hasSize(1);
  }

  @Test
  void aMissingJournalIsEmpty() {
    assertThat(RunJournal.read(folder.resolve("none.jsonl"))).isEmpty();
  }
}
