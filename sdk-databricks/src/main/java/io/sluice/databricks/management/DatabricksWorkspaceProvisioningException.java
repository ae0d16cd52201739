package io.sluice.databricks.management;

import io.sluice.core.SluiceException;

/** Provisioning a workspace ended {@code Failed} or {@code Canceled}. */
public final class DatabricksWorkspaceProvisioningException extends SluiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the workspace, its final state and what to check
   */
  public DatabricksWorkspaceProvisioningException(String message) {
    super(message);
  }
}
