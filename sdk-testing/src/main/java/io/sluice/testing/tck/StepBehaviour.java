package io.sluice.testing.tck;

import java.util.function.Consumer;

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
   * Does what a harness does for this behaviour, so that a harness needs no type switch.
   *
   * @param succeed what makes the step complete
   * @param fail what makes it fail, given the message
   * @param hang what makes it run until canceled
   */
  default void apply(Runnable succeed, Consumer<String> fail, Runnable hang) {
    if (this instanceof Fail failure) {
      fail.accept(failure.message());
    } else if (this instanceof Hang) {
      hang.run();
    } else {
      succeed.run();
    }
  }

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
