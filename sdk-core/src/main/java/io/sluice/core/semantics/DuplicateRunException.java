package io.sluice.core.semantics;

import io.sluice.core.SluiceException;

/** A run id names an earlier run and the duplicate-run policy refuses to go on with it. */
public final class DuplicateRunException extends SluiceException {
  private static final long serialVersionUID = 1L;

  DuplicateRunException(String message) {
    super(message);
  }
}
