package io.sluice.databricks;

import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.Secret;

/** The Databricks compute the tests' pipelines run on: a fake workspace, two-worker clusters. */
public final class TestComputes {
  private TestComputes() {}

  /**
   * The compute.
   *
   * @param workspaceUrl the fake workspace
   * @param token its access token
   * @return the compute, named {@code databricks}
   */
  public static DatabricksCompute databricks(String workspaceUrl, Secret token) {
    return DatabricksCompute.builder()
        .name("databricks")
        .workspaceUrl(workspaceUrl)
        .accessToken(token)
        .defaultCluster(
            DatabricksCluster.builder()
                .sparkVersion("15.4.x-scala2.12")
                .nodeType("Standard_DS3_v2")
                .numWorkers(2)
                .build())
        .build();
  }
}
