package io.sluice.databricks;

/**
 * The request was rejected as invalid ({@code INVALID_PARAMETER_VALUE}, {@code
 * MAX_BLOCK_SIZE_EXCEEDED}, or HTTP 400).
 */
public class DatabricksInvalidParameterException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the service's redacted message and the fix
   * @param statusCode the HTTP status
   * @param errorCode the service's {@code error_code}, or null
   */
  public DatabricksInvalidParameterException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
