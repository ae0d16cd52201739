package io.sluice.core.http;

import io.sluice.core.SluiceException;
import java.util.Optional;

/**
 * A service answered a request with an error status.
 *
 * <p>Carries the HTTP status and the service's own error code (for example MLflow's or Databricks'
 * {@code error_code}) so callers can branch on them. The message never contains credentials:
 * clients build it from the redacted service message.
 */
public class SluiceHttpException extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorCode;

  /**
   * Creates an exception for an error response.
   *
   * @param message what failed and, where known, how to fix it; must not contain secrets
   * @param statusCode the HTTP status code of the response
   * @param errorCode the service's error code, or {@code null} when the response had none
   */
  public SluiceHttpException(String message, int statusCode, String errorCode) {
    super(message);
    this.statusCode = statusCode;
    this.errorCode = errorCode;
  }

  /**
   * The HTTP status code of the error response.
   *
   * @return the status code, for example 404
   */
  public int getStatusCode() {
    return statusCode;
  }

  /**
   * The service's error code, such as {@code RESOURCE_DOES_NOT_EXIST}.
   *
   * @return the error code, or empty when the response carried none
   */
  public Optional<String> getErrorCode() {
    return Optional.ofNullable(errorCode);
  }
}
