package io.sluice.databricks.orchestrated;

import io.sluice.core.ConfigurationException;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.spi.StepContext;
import io.sluice.databricks.DatabricksClient;
import io.sluice.databricks.DatabricksClientBuilder;
import io.sluice.databricks.transport.StepSubmissions;

/** The client of the workspace a step's {@link DatabricksCompute} names. */
final class WorkspaceClients {
  private WorkspaceClients() {}

  /**
   * A client for the {@code databricks.host} setting or the compute's workspace URL, and the
   * compute's access token; what they leave out comes from the {@code databricks.profile} setting,
   * {@code DATABRICKS_HOST}, {@code DATABRICKS_TOKEN} or {@code ~/.databrickscfg}. Retries and
   * polling follow the step's settings.
   */
  static DatabricksClient client(DatabricksCompute compute, StepContext context) {
    DatabricksClientBuilder builder = StepSubmissions.clientBuilder(context, compute.workspaceUrl());
    compute.accessToken().ifPresent(token -> builder.token(context.secret(token.reference())));
    try {
      return builder.buildClient();
    } catch (IllegalStateException e) {
      throw new ConfigurationException("DatabricksCompute '" + compute.name() + "': " + e.getMessage()
          + "; set workspaceUrl and accessToken on the compute, or DATABRICKS_HOST and DATABRICKS_TOKEN", e);
    }
  }
}
