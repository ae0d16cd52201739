package io.sluice.core.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one step of a run stands.
 *
 * @param step the step's name
 * @param state its state
 * @param startedAt when it started running, if it did
 * @param endedAt when it ended, if it did
 * @param message why it failed, was skipped or reused, or what it returned
 */
public record StepStatus(
    String step,
    StepState state,
    Optional<Instant> startedAt,
    Optional<Instant> endedAt,
    String message) {

  /**
   * A queued step.
   *
   * @param step the step's name
   * @return its status
   */
  public static StepStatus queued(String step) {
    return new StepStatus(step, StepState.QUEUED, Optional.empty(), Optional.empty(), "");
  }

  /** Returns how long the step ran, or has been running. */
  public Duration duration() {
    return startedAt
        .map(s -> Duration.between(s, endedAt.orElseGet(Instant::now)))
        .orElse(Duration.ZERO);
  }
}
