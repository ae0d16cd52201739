package io.sluice.azureml.datastore;

/**
 * The data at a path is not complete: its upload has not finished (no {@code _SUCCESS} marker),
 * failed part-way, or was replaced while being read.
 */
public final class IncompleteDataException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the datastore, container and path, what went wrong and the fix
   * @param cause the underlying failure, its messages stripped of secret values; may be null
   */
  public IncompleteDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
