package io.sluice.core.model;

import io.sluice.core.SluiceException;

/**
 * A model object was built with a value it cannot hold. The message names the object, the field,
 * the bad value and the fix, for example {@code DatabricksStep 'prep': numWorkers is -1; use a
 * number of workers of 0 or more}.
 */
public final class InvalidModelException extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the field that holds the bad value
   * @param message the whole message, naming the field, the value and the fix
   */
  public InvalidModelException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * The name of the field that holds the bad value.
   *
   * @return the field name, as the builder method spells it
   */
  public String field() {
    return field;
  }
}
