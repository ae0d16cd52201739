package io.sluice.core;

/** The root of every exception Sluice throws on purpose. */
public class SluiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what went wrong and how to fix it.
   *
   * @param message what went wrong and how to fix it
   */
  public SluiceException(String message) {
    super(message);
  }

  /**
   * Creates an exception that wraps its cause.
   *
   * @param message what went wrong and how to fix it
   * @param cause the underlying failure
   */
  public SluiceException(String message, Throwable cause) {
    super(message, cause);
  }
}
