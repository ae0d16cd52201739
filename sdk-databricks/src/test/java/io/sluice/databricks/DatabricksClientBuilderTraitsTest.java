package io.sluice.databricks;

import io.sluice.testing.http.ClientBuilderContract;
import java.util.Map;

/** Every trait setting of {@link DatabricksClientBuilder} reaches the client's pipeline. */
class DatabricksClientBuilderTraitsTest extends ClientBuilderContract<DatabricksClientBuilder> {
  @Override
  protected DatabricksClientBuilder newBuilder() {
    return new DatabricksClientBuilder().environment(Map.of());
  }

  @Override
  protected String endpoint() {
    return "https://adb-1234567890123456.7.azuredatabricks.net";
  }

  @Override
  protected void callOnce(DatabricksClientBuilder builder) {
    builder.buildClient().getClustersClient().getCluster("c-1");
  }

  @Override
  protected String successBody() {
    return "{\"cluster_id\":\"c-1\",\"state\":\"RUNNING\"}";
  }
}
