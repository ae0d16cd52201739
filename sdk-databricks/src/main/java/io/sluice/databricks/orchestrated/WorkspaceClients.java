package io.sluice.databricks.orchestrated;

import io.sluice.core.ConfigurationException;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.spi.StepContext;
import io.sluice.databricks.DatabricksClient;
import io.sluice.databricks.DatabricksClientBuilder;

/** The client of the workspace a step's {@link DatabricksCompute} names. */
final class WorkspaceClients {
  private WorkspaceClients() {}

  /**
   * A client for the compute's workspace URL and access token; what the compute leaves out comes
   * from {@code DATABRICKS_HOST}, {@code DATABRICKS_TOKEN} or {@code ~/.databrickscfg}.
   */
  static DatabricksClient client(DatabricksCompute compute, StepContext context) {
    DatabricksClientBuilder builder = new DatabricksClientBuilder();
    compute.workspaceUrl().ifPresent(builder::endpoint);
    compute.accessToken().ifPresent(token -> builder.token(context.secret(token.reference())));
    try {
      return builder.buildClient();
    } catch (IllegalStateException e) {
      throw new ConfigurationException("DatabricksCompute '" + compute.name() + "': " + e.getMessage()
          + "; set workspaceUrl and accessToken on the compute, or DATABRICKS_HOST and DATABRICKS_TOKEN", e);
    }
  }
}
