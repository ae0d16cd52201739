package io.sluice.mlflow;

import io.sluice.testing.http.ClientBuilderContract;
import java.util.Map;

/**
 * Every trait setting of {@link MlflowClientBuilder} reaches the client's pipeline; the endpoint is
 * an {@code azureml://} tracking URI, the one kind that takes the credential.
 */
class MlflowClientBuilderTraitsTest extends ClientBuilderContract<MlflowClientBuilder> {
  private static final String WORKSPACE_PATH =
      "westeurope.api.azureml.ms/mlflow/v1.0/subscriptions/00000000-0000-0000-0000-000000000001"
          + "/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws";

  @Override
  protected MlflowClientBuilder newBuilder() {
    return new MlflowClientBuilder().environment(Map.of());
  }

  @Override
  protected String endpoint() {
    return "azureml://" + WORKSPACE_PATH;
  }

  @Override
  protected String requestUrlPrefix() {
    return "https://" + WORKSPACE_PATH + "/api/2.0/mlflow/";
  }

  @Override
  protected void callOnce(MlflowClientBuilder builder) {
    builder.buildClient().getExperiment("1");
  }

  @Override
  protected String successBody() {
    return "{\"experiment\":{\"experiment_id\":\"1\",\"name\":\"contract\"}}";
  }
}
