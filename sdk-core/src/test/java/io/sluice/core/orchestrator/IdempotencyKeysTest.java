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
}
