package io.sluice.core.spi;

import io.sluice.core.SluiceException;

/** A step failed. The message says why and ends with the tail of the step's log. */
public class StepFailedException extends SluiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the step failed
   */
  public StepFailedException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message why the step failed
   * @param cause the underlying failure
   */
  public StepFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
