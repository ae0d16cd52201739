package io.sluice.databricks;

/** The resource already exists ({@code RESOURCE_ALREADY_EXISTS}, or HTTP 409). */
public final class DatabricksResourceAlreadyExistsException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the service's redacted message and the fix
   * @param statusCode the HTTP status
   * @param errorCode the service's {@code error_code}, or null
   */
  public DatabricksResourceAlreadyExistsException(
      String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
