package io.sluice.azureml.datastore;

/** The storage account refused the datastore's credential, or the credential lacks a permission. */
public final class DatastoreAuthenticationException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the datastore, container and path, what went wrong and the fix
   * @param cause the underlying failure, its messages stripped of secret values; may be null
   */
  public DatastoreAuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
