package io.sluice.azureml.datastore;

import io.sluice.core.SluiceException;

/**
 * A datastore could not be read or written; the message names the datastore, container, path and
 * fix, and never holds a secret value.
 */
public class DatastoreException extends SluiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the datastore, container and path, what went wrong and the fix
   * @param cause the underlying failure, its messages stripped of secret values; may be null
   */
  public DatastoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
