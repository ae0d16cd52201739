package io.sluice.core.semantics;

import io.sluice.core.SluiceException;

/**
 * A parameter override is refused: the pipeline has no parameter of that name, or the value does
 * not fit the parameter's declared type. Thrown before a transport does anything.
 */
public final class ParameterValueException extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  ParameterValueException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** Returns the name of the refused parameter. */
  public String parameter() {
    return parameter;
  }
}
