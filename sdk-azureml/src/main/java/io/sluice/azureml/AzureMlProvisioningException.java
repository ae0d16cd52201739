package io.sluice.azureml;

/**
 * A long-running operation ended in {@code Failed} or {@code Canceled}: for example an online
 * deployment whose container never became ready, or a compute that could not be allocated. The
 * message holds the operation's error code and message.
 */
public final class AzureMlProvisioningException extends AzureMlException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the service's error
   * @param errorCode the operation's error code, or {@code null}
   */
  public AzureMlProvisioningException(String message, String errorCode) {
    super(message, 0, errorCode);
  }
}
