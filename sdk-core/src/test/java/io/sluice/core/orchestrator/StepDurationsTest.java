package io.sluice.core.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.run.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepDurationsTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void eachStepThatRanLastsFromItsStartToItsEndInItsLastAttempt() {
    List<JournalEntry> journal =
        List.of(
            new JournalEntry.RunStarted(T0, "r", 1),
            new JournalEntry.StepReused(T0.plusSeconds(1), "prep", "f0", "r0", "", Map.of()),
            new JournalEntry.StepStarted(T0.plusSeconds(1), "train", "f1"),
            new JournalEntry.StepStarted(T0.plusSeconds(2), "report", "f2"),
            new JournalEntry.StepFailed(T0.plusSeconds(5), "report", "boom"),
            // the runner died while train ran; the next attempt runs it again
            new JournalEntry.RunStarted(T0.plusSeconds(60), "r", 2),
            new JournalEntry.StepStarted(T0.plusSeconds(61), "train", "f1"),
            new JournalEntry.StepCompleted(
                T0.plusSeconds(61).plusMillis(2500), "train", "f1", "", Map.of()),
            new JournalEntry.StepStarted(T0.plusSeconds(70), "score", "f3"),
            new JournalEntry.RunFinished(T0.plusSeconds(80), RunState.FAILED));

    assertThat(StepDurations.of(journal))
        .containsExactly(
            Map.entry("report", Duration.ofSeconds(3)),
            Map.entry("train", Duration.ofMillis(2500)));
  }
}
