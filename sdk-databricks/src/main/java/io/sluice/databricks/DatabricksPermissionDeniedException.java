package io.sluice.databricks;

/** The caller is not authenticated or not allowed ({@code PERMISSION_DENIED}, HTTP 401 or 403). */
public final class DatabricksPermissionDeniedException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the service's redacted message and the fix
   * @param statusCode the HTTP status
   * @param errorCode the service's {@code error_code}, or null
   */
  public DatabricksPermissionDeniedException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
