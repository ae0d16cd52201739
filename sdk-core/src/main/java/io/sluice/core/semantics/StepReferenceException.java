package io.sluice.core.semantics;

import io.sluice.core.SluiceException;

/**
 * A step's argument names a parameter the pipeline does not declare, or a port that is none of the
 * step's inputs and outputs: the definition was not made by the compiler, or was edited.
 */
public final class StepReferenceException extends SluiceException {
  private static final long serialVersionUID = 1L;

  StepReferenceException(String message) {
    super(message);
  }
}
