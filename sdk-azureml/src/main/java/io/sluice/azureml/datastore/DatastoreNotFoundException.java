package io.sluice.azureml.datastore;

/** The container, or the data at a path, does not exist. */
public final class DatastoreNotFoundException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the datastore, container and path, what went wrong and the fix
   * @param cause the underlying failure, its messages stripped of secret values; may be null
   */
  public DatastoreNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
