package io.sluice.core.definition;

import io.sluice.core.SluiceException;

/** A pipeline definition's JSON does not match the schema Sluice reads. */
public final class DefinitionFormatException extends SluiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the field and what is wrong with it
   */
  public DefinitionFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message names the field and what is wrong with it
   * @param cause the parser's failure
   */
  public DefinitionFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
