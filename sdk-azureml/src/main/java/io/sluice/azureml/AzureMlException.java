package io.sluice.azureml;

import io.sluice.core.http.SluiceHttpException;

/**
 * Azure Resource Manager or Azure ML answered with an error.
 *
 * <p>Carries the HTTP status and ARM's error {@code code} (for example {@code ResourceNotFound},
 * {@code UserError}, {@code QuotaExceeded}); subclasses name the common cases so callers can catch
 * them by type. The message never holds a credential: it is built from the service's message with
 * every secret the request carried masked.
 */
public class AzureMlException extends SluiceHttpException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and, where known, how to fix it
   * @param statusCode the HTTP status, or 0 when the failure was not an HTTP response
   * @param errorCode ARM's error code, or {@code null}
   */
  public AzureMlException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
