package io.sluice.core.semantics;

import io.sluice.core.SluiceException;

/** Two steps would become the same remote task key or job name. */
public final class RemoteNameCollisionException extends SluiceException {
  private static final long serialVersionUID = 1L;

  RemoteNameCollisionException(String message) {
    super(message);
  }
}
