package io.sluice.mlflow;

import io.sluice.core.SluiceException;

/**
 * The tracking URI or its credentials cannot be used: an unsupported scheme, a missing Databricks
 * profile, a missing token. The message names the setting, its value and the fix.
 */
public class MlflowConfigurationException extends SluiceException {
  private static final long serialVersionUID = 1L;

  MlflowConfigurationException(String message) {
    super(message);
  }
}
