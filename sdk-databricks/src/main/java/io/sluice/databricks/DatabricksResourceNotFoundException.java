package io.sluice.databricks;

/** The resource does not exist ({@code RESOURCE_DOES_NOT_EXIST}, or HTTP 404). */
public final class DatabricksResourceNotFoundException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the service's redacted message and the fix
   * @param statusCode the HTTP status
   * @param errorCode the service's {@code error_code}, or null
   */
  public DatabricksResourceNotFoundException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
