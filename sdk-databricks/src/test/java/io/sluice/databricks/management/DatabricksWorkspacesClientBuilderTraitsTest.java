package io.sluice.databricks.management;

import io.sluice.testing.http.ClientBuilderContract;

/** Every trait setting of {@link DatabricksWorkspacesClientBuilder} reaches the pipeline. */
class DatabricksWorkspacesClientBuilderTraitsTest
    extends ClientBuilderContract<DatabricksWorkspacesClientBuilder> {
  @Override
  protected DatabricksWorkspacesClientBuilder newBuilder() {
    return new DatabricksWorkspacesClientBuilder()
        .subscriptionId("00000000-0000-0000-0000-000000000001");
  }

  @Override
  protected String endpoint() {
    return "https://management.contract.example";
  }

  @Override
  protected void callOnce(DatabricksWorkspacesClientBuilder builder) {
    builder.buildClient().getWorkspace("rg", "dbx");
  }

  @Override
  protected String successBody() {
    return "{\"id\":\"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg"
        + "/providers/Microsoft.Databricks/workspaces/dbx\",\"name\":\"dbx\","
        + "\"location\":\"westeurope\",\"properties\":{\"provisioningState\":\"Succeeded\"}}";
  }
}
