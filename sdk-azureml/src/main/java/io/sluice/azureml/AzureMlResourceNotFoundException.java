package io.sluice.azureml;

/** The resource does not exist (HTTP 404): a wrong name, version or workspace. */
public final class AzureMlResourceNotFoundException extends AzureMlException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and how to fix it
   * @param statusCode the HTTP status
   * @param errorCode ARM's error code, or {@code null}
   */
  public AzureMlResourceNotFoundException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
