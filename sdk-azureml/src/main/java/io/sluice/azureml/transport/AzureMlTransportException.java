package io.sluice.azureml.transport;

import io.sluice.core.SluiceException;

/**
 * The Azure ML transport cannot run a pipeline as it is, for example one with a {@code
 * DatabricksStep}; the message names the step and what to do instead.
 */
public final class AzureMlTransportException extends SluiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what cannot run, and the fix
   */
  public AzureMlTransportException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what cannot run, and the fix
   * @param cause the failure behind it
   */
  public AzureMlTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
