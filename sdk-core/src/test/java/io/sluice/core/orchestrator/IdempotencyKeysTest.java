package io.sluice.core.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

  @Test
  void aShortKeyIsReadable() {
    assertThat(IdempotencyKeys.of("churn-20261124-1", "prep")).isEqualTo("churn-20261124-1-prep");
  }

  @Test
  void aLongKeyIsCutToSixtyFourCharactersAndStaysUnique() {
    String run = "a-very-long-pipeline-name-that-goes-on-and-on-20261124-091231-10a1";
    String first = IdempotencyKeys.of(run, "prepare.customer.data");
    String second = IdempotencyKeys.of(run, "prepare.customer.dat4");

    assertThat(first).hasSize(64).matches("[A-Za-z0-9_-]+").isNotEqualTo(second);
    assertThat(IdempotencyKeys.of(run, "prepare.customer.data")).isEqualTo(first);
  }

  @Test
  void theFirstAttemptKeepsTheKeyAndALaterOneGetsAKeyOfItsOwn() {
    String first = IdempotencyKeys.of("churn-20261124-1", "prep", 1);
    String second = IdempotencyKeys.of("churn-20261124-1", "prep", 2);

    assertThat(first).isEqualTo(IdempotencyKeys.of("churn-20261124-1", "prep"));
    assertThat(second)
        .startsWith("churn-20261124-1-prep-attempt2-")
        .hasSizeLessThanOrEqualTo(64)
        .matches("[A-Za-z0-9_-]+")
        .isNotEqualTo(first)
        .isNotEqualTo(IdempotencyKeys.of("churn-20261124-1", "prep", 3));
    assertThat(IdempotencyKeys.of("churn-20261124-1", "prep", 2)).isEqualTo(second);
  }

  @Test
  void aLaterAttemptsKeyIsNotTheFirstKeyOfAStepNamedLikeIt() {
    assertThat(IdempotencyKeys.of("r", "prep", 2))
        .isNotEqualTo(IdempotencyKeys.of("r", "prep-attempt2"));
  }

  @Test
  void aLaterAttemptOfALongKeyStaysWithinSixtyFourCharacters() {
    String run = "a-very-long-pipeline-name-that-goes-on-and-on-20261124-091231-10a1";

    assertThat(IdempotencyKeys.of(run, "prepare.customer.data", 12))
        .hasSize(64)
        .isNotEqualTo(IdempotencyKeys.of(run, "prepare.customer.data", 13));
  }
}
