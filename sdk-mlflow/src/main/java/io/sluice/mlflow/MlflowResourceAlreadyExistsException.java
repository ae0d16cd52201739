package io.sluice.mlflow;

/**
 * An experiment, registered model or alias of that name already exists ({@code
 * RESOURCE_ALREADY_EXISTS}).
 */
public class MlflowResourceAlreadyExistsException extends MlflowException {
  private static final long serialVersionUID = 1L;

  MlflowResourceAlreadyExistsException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
