package io.sluice.mlflow;

/**
 * The server rejected a value ({@code INVALID_PARAMETER_VALUE} or {@code BAD_REQUEST}); the message
 * names it.
 */
public class MlflowInvalidParameterException extends MlflowException {
  private static final long serialVersionUID = 1L;

  MlflowInvalidParameterException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
