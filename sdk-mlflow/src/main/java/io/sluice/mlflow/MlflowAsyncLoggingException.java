package io.sluice.mlflow;

import io.sluice.core.SluiceException;

/**
 * The asynchronous run logger could not deliver what it was given: the server rejected a batch (the
 * cause says why), or kept failing past the logger's retry window. Everything logged after the
 * failure is refused with this exception too.
 */
public class MlflowAsyncLoggingException extends SluiceException {
  private static final long serialVersionUID = 1L;

  MlflowAsyncLoggingException(String message, Throwable cause) {
    super(message, cause);
  }
}
