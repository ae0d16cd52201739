package io.sluice.databricks;

/**
 * The resource is in a state that does not allow the call ({@code INVALID_STATE}), e.g. starting a
 * pending cluster.
 */
public final class DatabricksInvalidStateException extends DatabricksInvalidParameterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the service's redacted message and the fix
   * @param statusCode the HTTP status
   * @param errorCode the service's {@code error_code}, or null
   */
  public DatabricksInvalidStateException(String message, int statusCode, String errorCode) {
    super(message, statusCode, errorCode);
  }
}
