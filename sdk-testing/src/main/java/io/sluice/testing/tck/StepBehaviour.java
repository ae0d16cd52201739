package io.sluice.testing.tck;

/**
 * What a step does when it runs, as the kit scripts it on the remote side (or in the step's own
 * code, for a transport that runs steps for real).
 */
public sealed interface StepBehaviour {
  /** The step completes. */
  record Succeed() implements StepBehaviour {}

  /**
   * The step fails.
   *
   * @param message the error the step reports
   */
  record Fail(String message) implements StepBehaviour {}

  /** The step keeps running until the run is canceled. */
  record Hang() implements StepBehaviour {}

  /**
   * A step that completes.
   *
   * @return the behaviour
   */
  static StepBehaviour succeed() {
    return new Succeed();
  }

  /**
   * A step that fails with this message.
   *
   * @param message the error
   * @return the behaviour
   */
  static StepBehaviour fail(String message) {
    return new Fail(message);
  }

  /**
   * A step that runs until it is canceled.
   *
   * @return the behaviour
   */
  static StepBehaviour hang() {
    return new Hang();
  }
}
