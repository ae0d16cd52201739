package io.sluice.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.core.Sluice;
import io.sluice.core.SluiceException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTransportBuilderTest {
  @TempDir Path base;

  @Test
  void theTypedBuilderGivesTheSettingsOfTheEquivalentMap() {
    LocalTransportBuilder typed =
        LocalTransport.orchestratedBuilder()
            .baseDirectory(base)
            .runsDirectory(Path.of("runs"))
            .parallelism(3)
            .cacheDirectory(base.resolve("cache"))
            .mlflowTrackingUri("http://localhost:5000");
    Map<String, String> keys =
        Map.of(
            "baseDirectory", base.toString(),
            "runsDirectory", "runs",
            "parallelism", "3",
            "cacheDirectory", base.resolve("cache").toString(),
            "mlflowTrackingUri", "http://localhost:5000");

    assertThat(typed.configuration()).isEqualTo(keys);
    assertThat(LocalTransport.settings("orchestrated", typed.configuration()))
        .usingRecursiveComparison()
        .isEqualTo(LocalTransport.settings("orchestrated", keys));
    LocalTransport transport = typed.build();
    assertThat(transport.name()).isEqualTo("orchestrated");
    assertThat(transport.runsDirectory()).isEqualTo(base.resolve("runs"));
    assertThat(LocalTransport.builder().baseDirectory(base).build().name()).isEqualTo("local");
  }

  @Test
  void anExecutorSettingIsTheNamespacedKeyOfTheMap() {
    assertThat(
            LocalTransport.orchestratedBuilder()
                .executorSetting("databricks", "pollInterval", "PT5S")
                .configuration())
        .isEqualTo(Map.of("databricks.pollInterval", "PT5S"));
  }

  @Test
  void aBadValueIsRefusedWithTheSameMessageBothWays() {
    assertRefusedAlike(
        () -> LocalTransport.builder().baseDirectory(base).parallelism(0).build(),
        () ->
            Sluice.transport("local", Map.of("baseDirectory", base.toString(), "parallelism", "0")),
        "parallelism is 0; use 1 or more");
    assertRefusedAlike(
        () ->
            LocalTransport.orchestratedBuilder()
                .baseDirectory(base)
                .executorSetting("nobody", "a", "4")
                .build(),
        () ->
            Sluice.transport(
                "orchestrated", Map.of("baseDirectory", base.toString(), "nobody.a", "4")),
        "orchestrated transport: unknown configuration key 'nobody.a' (value '4')");
  }

  private static void assertRefusedAlike(Supplier<?> typed, Supplier<?> map, String message) {
    Throwable fromTyped = catchThrowable(typed::get);
    Throwable fromMap = catchThrowable(map::get);

    assertThat(fromTyped).isInstanceOf(SluiceException.class).hasMessageContaining(message);
    assertThat(fromTyped).hasSameClassAs(fromMap).hasMessage(fromMap.getMessage());
  }
}
