package io.sluice.databricks.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunPollingTest {
  private static final Duration MAX = Duration.ofSeconds(30);

  @Test
  void theFloorIsTwoSecondsUnlessSetLower() {
    assertThatThrownBy(() -> new RunPolling(Duration.ofMillis(1999), MAX, RunPolling.DEFAULT_FLOOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'pollInterval' is PT1.999S; use at least PT2S");

    RunPolling fake = new RunPolling(Duration.ofMillis(20), MAX, Duration.ofMillis(10));

    assertThat(fake.delay(1)).isEqualTo(Duration.ofMillis(20));
    assertThatThrownBy(() -> new RunPolling(Duration.ofMillis(5), MAX, Duration.ofMillis(10)))
        .hasMessage("'pollInterval' is PT0.005S; use at least PT0.01S");
  }

  @Test
  void aFloorThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> new RunPolling(Duration.ofSeconds(2), MAX, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'pollIntervalFloor' is PT0S; use a positive duration, PT2S");
  }

  @Test
  void delaysGrowByHalfFromTheFirstUpToTheLongest() {
    RunPolling polling =
        new RunPolling(Duration.ofSeconds(2), Duration.ofSeconds(5), RunPolling.DEFAULT_FLOOR);

    assertThat(polling.delay(0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(polling.delay(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(polling.delay(2)).isEqualTo(Duration.ofSeconds(3));
    assertThat(polling.delay(3)).isEqualTo(Duration.ofMillis(4500));
    assertThat(polling.delay(4)).isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(
            () ->
                new RunPolling(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(2)))
        .hasMessage("'maxPollInterval' PT2S is shorter than pollInterval PT3S");
  }
}
