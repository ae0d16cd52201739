package io.sluice.databricks.management;

import io.sluice.core.SluiceException;

/** Provisioning a workspace ended {@code Failed} or {@code Canceled}. */
public final class WorkspaceProvisioningException extends SluiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the workspace, its final state and what to check
   */
  public WorkspaceProvisioningException(String message) {
    super(message);
  }
}
