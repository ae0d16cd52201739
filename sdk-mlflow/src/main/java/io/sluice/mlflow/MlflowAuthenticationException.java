package io.sluice.mlflow;

/**
 * The server refused the credentials (HTTP 401 or 403); check the token, user name and password, or
 * profile.
 */
public class MlflowAuthenticationException extends MlflowException {
  private static final long serialVersionUID = 1L;

  MlflowAuthenticationException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
