package io.sluice.mlflow;

import io.sluice.core.http.SluiceHttpException;

/**
 * The MLflow server rejected a request. {@link #getErrorCode()} holds MLflow's {@code error_code}
 * (for example {@code INVALID_STATE}); common codes have their own subclasses.
 */
public class MlflowException extends SluiceHttpException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the server's message with the request that failed; never holds secrets
   * @param statusCode the HTTP status
   * @param errorCode MLflow's error code, or null
   */
  public MlflowException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
