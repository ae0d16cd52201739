package io.sluice.core.model;

import static io.sluice.core.testing.ModelAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentAndComputeTest {
  private static final String COMPUTE_NAME_FIX =
      "use 2 to 32 letters, digits and hyphens, starting with a letter";

  @Test
  void environmentChecks() {
    assertInvalid(
        () -> Environment.of("my env"),
        "name",
        "Environment 'my env': name is 'my env'; use letters, digits, '_', '.' or '-', with no '..'");
    assertInvalid(
        () -> Environment.of(".."),
        "name",
        "Environment '..': name is '..'; use letters, digits, '_', '.' or '-', with no '..'");
    assertInvalid(
        () -> Environment.builder().name("e").pythonVersion("2.7").build(),
        "pythonVersion",
        "Environment 'e': pythonVersion is '2.7'; use a Python 3 version such as 3.11");
    assertInvalid(
        () -> Environment.builder().name("e").pythonVersion("3").build(),
        "pythonVersion",
        "Environment 'e': pythonVersion is '3'; use a Python 3 version such as 3.11");
    assertInvalid(
        () -> Environment.of("e", "pandas", " "),
        "pipPackages",
        "Environment 'e': pipPackages is ' '; give a non-empty value");
    Environment ok =
        Environment.builder()
            .name("train-1.0")
            .pythonVersion("3.11.9")
            .addPipPackages("pandas")
            .build();
    assertThat(ok.pipPackages()).containsExactly("pandas");
  }

  @Test
  void runConfigurationChecks() {
    assertInvalid(
        () -> RunConfiguration.builder().nodeCount(0).build(),
        "nodeCount",
        "RunConfiguration: nodeCount is 0; use a value of 1 or more");
    assertInvalid(
        () -> RunConfiguration.builder().maxRunDurationSeconds(0).build(),
        "maxRunDurationSeconds",
        "RunConfiguration: maxRunDurationSeconds is 0; use a value of 1 or more");
    RunConfiguration rc = RunConfiguration.of(Environment.of("e"));
    assertThat(rc.nodeCount()).isEqualTo(1);
    assertThat(rc.environment()).contains(Environment.of("e"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "1cpu", "cpu_cluster", "a234567890123456789012345678901234"})
  void computeNamesFollowAzureMlRules(String name) {
    String suffix = ": name is '" + name + "'; " + COMPUTE_NAME_FIX;
    assertInvalid(() -> new ComputeTarget.Local(name), "name", "ComputeTarget.Local" + suffix);
    assertInvalid(() -> ComputeTarget.named(name), "name", "ComputeTarget.Named" + suffix);
    assertInvalid(
        () -> DatabricksCompute.of(name), "name", "ComputeTarget.DatabricksCompute" + suffix);
    assertInvalid(() -> AmlCompute.of(name), "name", "ComputeTarget.AmlCompute" + suffix);
  }

  @Test
  void computeTargetsByName() {
    assertThat(ComputeTarget.local().name()).isEqualTo("local");
    assertThat(ComputeTarget.named("cpu-cluster"))
        .isEqualTo(new ComputeTarget.Named("cpu-cluster"));
    assertInvalid(
        () -> ComputeTarget.named(null),
        "name",
        "ComputeTarget.Named: name is missing; " + COMPUTE_NAME_FIX);
  }

  @Test
  void databricksComputeNeedsAnHttpsUrl() {
    assertInvalid(
        () ->
            DatabricksCompute.builder()
                .name("dbx")
                .workspaceUrl("http://adb-1.azuredatabricks.net")
                .build(),
        "workspaceUrl",
        "DatabricksCompute 'dbx': workspaceUrl is 'http://adb-1.azuredatabricks.net'; use the workspace's https:// URL");
    assertThat(
            DatabricksCompute.builder()
                .name("dbx")
                .workspaceUrl("http://127.0.0.1:8080")
                .build()
                .workspaceUrl())
        .contains("http://127.0.0.1:8080");
  }

  @Test
  void amlComputeNodeCounts() {
    assertInvalid(
        () -> AmlCompute.builder().name("cpu").minNodes(-1).build(),
        "minNodes",
        "AmlCompute 'cpu': minNodes is -1; use a value of 0 or more");
    assertInvalid(
        () -> AmlCompute.builder().name("cpu").maxNodes(0).build(),
        "maxNodes",
        "AmlCompute 'cpu': maxNodes is 0; use at least 1 and at least minNodes (0)");
    assertInvalid(
        () -> AmlCompute.builder().name("cpu").minNodes(3).maxNodes(2).build(),
        "maxNodes",
        "AmlCompute 'cpu': maxNodes is 2; use at least 1 and at least minNodes (3)");
    assertThat(AmlCompute.of("cpu").maxNodes()).isEqualTo(1);
  }
}
