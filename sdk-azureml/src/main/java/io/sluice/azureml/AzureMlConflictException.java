package io.sluice.azureml;

/**
 * The request conflicts with the resource's current state (HTTP 409), for example a job that has
 * already ended or a version that may not be overwritten.
 */
public final class AzureMlConflictException extends AzureMlException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and how to fix it
   * @param statusCode the HTTP status
   * @param errorCode ARM's error code, or {@code null}
   */
  public AzureMlConflictException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
