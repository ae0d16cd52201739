package io.sluice.mlflow;

/**
 * The experiment, run, model or artifact does not exist ({@code RESOURCE_DOES_NOT_EXIST}, HTTP
 * 404).
 */
public class MlflowResourceNotFoundException extends MlflowException {
  private static final long serialVersionUID = 1L;

  MlflowResourceNotFoundException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
