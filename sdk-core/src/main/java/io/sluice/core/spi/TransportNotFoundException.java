package io.sluice.core.spi;

import io.sluice.core.SluiceException;

/** A transport or step executor was asked for, but no artifact on the class path provides it. */
public final class TransportNotFoundException extends SluiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names what is missing and the artifact to add
   */
  public TransportNotFoundException(String message) {
    super(message);
  }
}
