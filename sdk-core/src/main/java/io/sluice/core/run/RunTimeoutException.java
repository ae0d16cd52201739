package io.sluice.core.run;

import io.sluice.core.SluiceException;

/** Waiting for a run ended before the run did. The run goes on. */
public final class RunTimeoutException extends SluiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was waited for, and how long
   */
  public RunTimeoutException(String message) {
    super(message);
  }
}
