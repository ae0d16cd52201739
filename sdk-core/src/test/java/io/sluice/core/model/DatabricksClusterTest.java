package io.sluice.core.model;

import static io.sluice.core.testing.ModelAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabricksClusterTest {
  private static final String WORKERS_FIX =
      "; set exactly one of numWorkers, or minWorkers and maxWorkers";

  private static DatabricksCluster.Builder newCluster() {
    return DatabricksCluster.builder().sparkVersion("15.4.x-scala2.12").nodeType("Standard_DS3_v2");
  }

  @Test
  void anExistingClusterTakesNoOtherClusterParameter() {
    assertInvalid(
        () ->
            DatabricksCluster.builder()
                .existingClusterId("0101-abc")
                .sparkVersion("15.4.x-scala2.12")
                .numWorkers(2)
                .build(),
        "sparkVersion",
        "DatabricksCluster: existingClusterId is set, so no other cluster parameter may be; remove"
            + " sparkVersion, numWorkers or drop existingClusterId to make a new cluster");
    assertInvalid(
        () ->
            DatabricksCluster.builder()
                .existingClusterId("0101-abc")
                .putSparkConf("a", "b")
                .putSparkEnvVariable("C", "d")
                .addInitScripts("dbfs:/init.sh")
                .clusterLogPath("dbfs:/logs")
                .build(),
        "sparkConf",
        "DatabricksCluster: existingClusterId is set, so no other cluster parameter may be; remove"
            + " sparkConf, sparkEnvVariables, initScripts, clusterLogPath or drop existingClusterId to"
            + " make a new cluster");
    assertInvalid(
        () -> DatabricksCluster.existing(""),
        "existingClusterId",
        "DatabricksCluster: existingClusterId is empty; give a non-empty value");
    DatabricksCluster existing = DatabricksCluster.existing("0101-abc");
    assertThat(existing.isExisting()).isTrue();
    assertThat(existing.permitClusterRestart()).isFalse();
  }

  @Test
  void permitRestartOnlyWithAnExistingCluster() {
    assertInvalid(
        () -> newCluster().numWorkers(1).permitClusterRestart(true).build(),
        "permitClusterRestart",
        "DatabricksCluster: permitClusterRestart is true but no existingClusterId is set; a new cluster"
            + " needs no restart, so drop permitClusterRestart or set existingClusterId");
    assertThat(
            DatabricksCluster.builder()
                .existingClusterId("0101-abc")
                .permitClusterRestart(true)
                .build()
                .permitClusterRestart())
        .isTrue();
  }

  @Test
  void aNewClusterNeedsASparkVersion() {
    assertInvalid(
        () -> DatabricksCluster.builder().nodeType("Standard_DS3_v2").numWorkers(1).build(),
        "sparkVersion",
        "DatabricksCluster: sparkVersion is missing for a new cluster; set a current Databricks runtime"
            + " such as 15.4.x-scala2.12 (Sluice has no default: v1's 4.0.x-scala2.11 is retired)");
  }

  @Test
  void nodeTypeXorInstancePool() {
    assertInvalid(
        () -> newCluster().instancePoolId("pool-1").numWorkers(1).build(),
        "nodeType",
        "DatabricksCluster: exactly one of nodeType or instancePoolId is required, got both; set a node"
            + " type such as Standard_DS3_v2, or an instance pool id");
    assertInvalid(
        () -> DatabricksCluster.builder().sparkVersion("15.4.x-scala2.12").numWorkers(1).build(),
        "nodeType",
        "DatabricksCluster: exactly one of nodeType or instancePoolId is required, got neither; set a"
            + " node type such as Standard_DS3_v2, or an instance pool id");
    assertThat(
            DatabricksCluster.builder()
                .sparkVersion("15.4.x-scala2.12")
                .instancePoolId("pool-1")
                .numWorkers(1)
                .build()
                .isExisting())
        .isFalse();
  }

  @Test
  void fixedOrAutoscalingWorkers() {
    assertInvalid(
        () -> newCluster().numWorkers(2).minWorkers(1).maxWorkers(3).build(),
        "numWorkers",
        "DatabricksCluster: both numWorkers and minWorkers/maxWorkers are set" + WORKERS_FIX);
    assertInvalid(
        () -> newCluster().build(),
        "numWorkers",
        "DatabricksCluster: neither numWorkers nor minWorkers and maxWorkers is set" + WORKERS_FIX);
    assertInvalid(
        () -> newCluster().minWorkers(1).build(),
        "maxWorkers",
        "DatabricksCluster: only one of minWorkers and maxWorkers is set; set both for autoscaling, or neither");
    assertInvalid(
        () -> newCluster().maxWorkers(4).build(),
        "minWorkers",
        "DatabricksCluster: only one of minWorkers and maxWorkers is set; set both for autoscaling, or neither");
  }

  @Test
  void workerCounts() {
    assertInvalid(
        () -> newCluster().numWorkers(-1).build(),
        "numWorkers",
        "DatabricksCluster: numWorkers is -1; use a value of 0 or more");
    assertInvalid(
        () -> newCluster().minWorkers(-1).maxWorkers(2).build(),
        "minWorkers",
        "DatabricksCluster: minWorkers is -1; use a value of 0 or more");
    assertInvalid(
        () -> newCluster().minWorkers(3).maxWorkers(2).build(),
        "maxWorkers",
        "DatabricksCluster: maxWorkers is 2; use a maximum of at least minWorkers (3)");
    assertThat(newCluster().numWorkers(0).build().numWorkers()).contains(0);
    assertThat(newCluster().minWorkers(2).maxWorkers(2).build().maxWorkers()).contains(2);
  }
}
