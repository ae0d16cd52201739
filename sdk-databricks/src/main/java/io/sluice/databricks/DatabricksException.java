package io.sluice.databricks;

import io.sluice.core.http.SluiceHttpException;

/**
 * A Databricks REST call failed. Subclasses name the common {@code error_code}s; the message
 * carries the service's own message with secrets masked, and never a token.
 */
public class DatabricksException extends SluiceHttpException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the service's redacted message and the fix
   * @param statusCode the HTTP status, or -1 when no response arrived
   * @param errorCode the service's {@code error_code}, or null
   */
  public DatabricksException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what failed and the fix
   * @param statusCode the HTTP status, or -1 when no response arrived
   * @param errorCode the service's {@code error_code}, or null
   * @param cause the underlying failure
   */
  public DatabricksException(String message, int statusCode, String errorCode, Throwable cause) {
    super(message, statusCode, errorCode);
    initCause(cause);
  }
}
