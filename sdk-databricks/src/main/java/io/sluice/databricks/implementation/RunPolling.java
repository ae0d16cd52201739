package io.sluice.databricks.implementation;

import java.time.Duration;

/**
 * Adaptive poll delays: start at the minimum, grow by half each time up to the maximum. The minimum
 * is never below the floor, two seconds unless set lower, so that waiting on a run costs at most
 * one status request per two seconds.
 *
 * @param min the first delay
 * @param max the longest delay
 * @param floor the shortest first delay allowed
 */
public record RunPolling(Duration min, Duration max, Duration floor) {
  /**
   * The floor of {@link #min()} unless one is set. Only a stand-in of the service on the same
   * machine, such as a test's fake workspace, is polled more often.
   */
  public static final Duration DEFAULT_FLOOR = Duration.ofSeconds(2);

  /** Checks the bounds. */
  public RunPolling {
    if (floor.isNegative() || floor.isZero()) {
      throw new IllegalArgumentException(
          "'pollIntervalFloor' is " + floor + "; use a positive duration, " + DEFAULT_FLOOR);
    }
    if (min.compareTo(floor) < 0) {
      throw new IllegalArgumentException("'pollInterval' is " + min + "; use at least " + floor);
    }
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException(
          "'maxPollInterval' " + max + " is shorter than pollInterval " + min);
    }
  }

  /**
   * The delay after a given number of polls.
   *
   * @param polls how many polls were made
   * @return the delay before the next
   */
  public Duration delay(int polls) {
    double factor = Math.pow(1.5, Math.max(0, polls - 1));
    long millis = (long) Math.min((double) max.toMillis(), min.toMillis() * factor);
    return Duration.ofMillis(Math.max(min.toMillis(), millis));
  }
}
