package io.sluice.core.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.RunState;
import io.sluice.core.semantics.DuplicateRuns.Decision;
import io.sluice.core.semantics.DuplicateRuns.EarlierRun;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuplicateRunsTest {
  private static Optional<EarlierRun> ended(RunState state) {
    return Optional.of(new EarlierRun(Optional.of(state), Optional.of("abc")));
  }

  private static final Optional<EarlierRun> UNFINISHED =
      Optional.of(new EarlierRun(Optional.empty(), Optional.empty()));

  @Test
  void aNewRunIdStartsWhateverThePolicy() {
    for (DuplicateRunPolicy policy : DuplicateRunPolicy.values()) {
      assertThat(DuplicateRuns.decide("r1", policy, Optional.empty(), "abc"))
          .isEqualTo(Decision.START);
    }
  }

  @Test
  void rejectRefusesAnyEarlierRunNamingItsStateAndTheFix() {
    assertThatThrownBy(
            () ->
                DuplicateRuns.decide(
                    "r1", DuplicateRunPolicy.REJECT, ended(RunState.FAILED), "abc"))
        .isInstanceOf(DuplicateRunException.class)
        .hasMessage(
            "Run 'r1' already exists and ended FAILED; duplicateRunPolicy REJECT refuses it. Choose another"
                + " runId, or set duplicateRunPolicy to RESUME (go on with it) or ALLOW_IF_FAILED (run a failed run again)");
    assertThatThrownBy(
            () -> DuplicateRuns.decide("r1", DuplicateRunPolicy.REJECT, UNFINISHED, "abc"))
        .hasMessageStartingWith("Run 'r1' already exists and has not ended;");
  }

  @Test
  void resumeGoesOnWithAnyEarlierRun() {
    assertThat(
            DuplicateRuns.decide("r1", DuplicateRunPolicy.RESUME, ended(RunState.COMPLETED), "abc"))
        .isEqualTo(Decision.RESUME);
    assertThat(DuplicateRuns.decide("r1", DuplicateRunPolicy.RESUME, UNFINISHED, "abc"))
        .isEqualTo(Decision.RESUME);
  }

  @Test
  void allowIfFailedRestartsOnlyAFailedOrCanceledRun() {
    assertThat(
            DuplicateRuns.decide(
                "r1", DuplicateRunPolicy.ALLOW_IF_FAILED, ended(RunState.FAILED), "abc"))
        .isEqualTo(Decision.RESTART);
    assertThat(
            DuplicateRuns.decide(
                "r1", DuplicateRunPolicy.ALLOW_IF_FAILED, ended(RunState.CANCELED), "abc"))
        .isEqualTo(Decision.RESTART);
    assertThatThrownBy(
            () ->
                DuplicateRuns.decide(
                    "r1", DuplicateRunPolicy.ALLOW_IF_FAILED, ended(RunState.COMPLETED), "abc"))
        .isInstanceOf(DuplicateRunException.class)
        .hasMessage(
            "Run 'r1' already exists and ended COMPLETED; duplicateRunPolicy ALLOW_IF_FAILED runs it again"
                + " only after it failed or was canceled. Choose another runId, or set duplicateRunPolicy to RESUME");
    assertThatThrownBy(
            () -> DuplicateRuns.decide("r1", DuplicateRunPolicy.ALLOW_IF_FAILED, UNFINISHED, "abc"))
        .isInstanceOf(DuplicateRunException.class);
  }

  @Test
  void aRefusalSaysWhenTheEarlierRunRanAnotherDefinition() {
    assertThatThrownBy(
            () ->
                DuplicateRuns.decide(
                    "r1", DuplicateRunPolicy.REJECT, ended(RunState.COMPLETED), "def"))
        .hasMessageStartingWith(
            "Run 'r1' already exists with another definition and ended COMPLETED;");
  }
}
