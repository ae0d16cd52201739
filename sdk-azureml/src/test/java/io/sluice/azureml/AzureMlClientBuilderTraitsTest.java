package io.sluice.azureml;

import io.sluice.testing.http.ClientBuilderContract;

/** Every trait setting of {@link AzureMlClientBuilder} reaches the client's pipeline. */
class AzureMlClientBuilderTraitsTest extends ClientBuilderContract<AzureMlClientBuilder> {
  @Override
  protected AzureMlClientBuilder newBuilder() {
    return new AzureMlClientBuilder().workspace(ArmMock.WORKSPACE);
  }

  @Override
  protected String endpoint() {
    return "https://management.contract.example";
  }

  @Override
  protected void callOnce(AzureMlClientBuilder builder) {
    builder.buildClient().getWorkspaceProperties();
  }

  @Override
  protected String successBody() {
    return "{\"id\":\""
        + ArmMock.WORKSPACE.resourceId()
        + "\",\"name\":\"ws-sluice\","
        + "\"location\":\"westeurope\",\"properties\":{\"provisioningState\":\"Succeeded\"}}";
  }
}
