package io.sluice.azureml;

/** The credential was refused (HTTP 401) or lacks a role on the workspace (HTTP 403). */
public final class AzureMlAuthenticationException extends AzureMlException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and how to fix it
   * @param statusCode the HTTP status
   * @param errorCode ARM's error code, or {@code null}
   */
  public AzureMlAuthenticationException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
