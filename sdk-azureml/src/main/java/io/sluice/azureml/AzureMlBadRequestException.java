package io.sluice.azureml;

/**
 * The service rejected the request's body or parameters (HTTP 400); the message carries the
 * service's own explanation.
 */
public final class AzureMlBadRequestException extends AzureMlException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and how to fix it
   * @param statusCode the HTTP status
   * @param errorCode ARM's error code, or {@code null}
   */
  public AzureMlBadRequestException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
