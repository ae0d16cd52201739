package io.sluice.databricks.orchestrated;

import io.sluice.core.ConfigurationException;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.spi.StepContext;
import io.sluice.databricks.DatabricksClient;
import io.sluice.databricks.DatabricksClientBuilder;
import io.sluice.databricks.transport.StepSubmissions;
import java.util.Optional;

/** The client of the workspace a step's {@link ComputeDefinition.Databricks} names. */
final class WorkspaceClients {
  private WorkspaceClients() {}

  /**
   * A client for the {@code databricks.host} setting or the compute's workspace URL, and the
   * compute's access token; what they leave out comes from the {@code databricks.profile} setting,
   * {@code DATABRICKS_HOST}, {@code DATABRICKS_TOKEN} or {@code ~/.databrickscfg}. Retries and
   * polling follow the step's settings.
   */
  static DatabricksClient client(ComputeDefinition.Databricks compute, StepContext context) {
    DatabricksClientBuilder builder =
        StepSubmissions.clientBuilder(context, Optional.ofNullable(compute.workspaceUrl()));
    if (compute.accessToken() != null) {
      builder.token(context.secret(compute.accessToken().reference()));
    }
    try {
      return builder.buildClient();
    } catch (IllegalStateException e) {
      throw new ConfigurationException(
          "DatabricksCompute '"
              + compute.name()
              + "': "
              + e.getMessage()
              + "; set workspaceUrl and accessToken on the compute, or DATABRICKS_HOST and DATABRICKS_TOKEN",
          e);
    }
  }
}
