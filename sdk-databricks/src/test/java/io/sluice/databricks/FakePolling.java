package io.sluice.databricks;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Polling for a fake workspace on this machine. Its runs end within a second, so a test sees the
 * end within tens of milliseconds instead of after the 2 s a real workspace is polled at; tests of
 * the polling itself keep the defaults.
 */
public final class FakePolling {
  /** The shortest first delay allowed. */
  public static final Duration FLOOR = Duration.ofMillis(10);

  /** The first delay. */
  public static final Duration INTERVAL = Duration.ofMillis(20);

  /** The longest delay. */
  public static final Duration MAX = Duration.ofMillis(200);

  /** The {@code databricks} transport's keys. */
  public static final Map<String, String> SETTINGS =
      Map.of(
          "pollIntervalFloor", FLOOR.toString(),
          "pollInterval", INTERVAL.toString(),
          "maxPollInterval", MAX.toString());

  /** The same keys under the {@code orchestrated} transport's {@code databricks.} namespace. */
  public static final Map<String, String> ORCHESTRATED =
      SETTINGS.entrySet().stream()
          .collect(
              Collectors.toUnmodifiableMap(e -> "databricks." + e.getKey(), Map.Entry::getValue));

  private FakePolling() {}

  /**
   * Sets this polling on a client builder.
   *
   * @param builder the builder
   * @return the builder
   */
  public static DatabricksClientBuilder on(DatabricksClientBuilder builder) {
    return builder.pollIntervalFloor(FLOOR).pollInterval(INTERVAL, MAX);
  }
}
