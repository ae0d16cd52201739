package io.sluice.databricks;

/**
 * A quota or rate limit was hit ({@code RESOURCE_LIMIT_EXCEEDED}, {@code REQUEST_LIMIT_EXCEEDED},
 * {@code QUOTA_EXCEEDED}, or HTTP 429 after retries).
 */
public final class DatabricksResourceLimitExceededException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the service's redacted message and the fix
   * @param statusCode the HTTP status
   * @param errorCode the service's {@code error_code}, or null
   */
  public DatabricksResourceLimitExceededException(
      String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
