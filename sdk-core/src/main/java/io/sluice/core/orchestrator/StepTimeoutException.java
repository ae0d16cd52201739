package io.sluice.core.orchestrator;

import io.sluice.core.spi.StepFailedException;

/** A step ran past its time limit and was stopped. */
public final class StepTimeoutException extends StepFailedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which step, and its limit
   */
  public StepTimeoutException(String message) {
    super(message);
  }
}
