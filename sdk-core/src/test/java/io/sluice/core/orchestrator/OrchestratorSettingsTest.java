package io.sluice.core.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.SluiceException;
import io.sluice.core.spi.PythonEnvironments;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrchestratorSettingsTest {
  private static final PythonEnvironments NO_PYTHON =
      (environment, extra) -> {
        throw new IllegalStateException("no Python in this test");
      };

  @Test
  void theBuilderFillsEachComponent() {
    Orchestrator.Settings built =
        Orchestrator.Settings.builder()
            .transport("orchestrated")
            .runsDirectory(Path.of("runs"))
            .baseDirectory(Path.of("src"))
            .parallelism(3)
            .pythonEnvironments(NO_PYTHON)
            .mlflowTrackingUri("http://127.0.0.1:5000")
            .executorSettings(Map.of("databricks.profile", "dev"))
            .build();

    assertThat(built)
        .isEqualTo(
            new Orchestrator.Settings(
                "orchestrated",
                Path.of("runs"),
                Path.of("src"),
                3,
                NO_PYTHON,
                Optional.of("http://127.0.0.1:5000"),
                Map.of("databricks.profile", "dev")));
  }

  @Test
  void unsetValuesTakeTheirDefaultsAndMissingOnesAreNamed() {
    Orchestrator.Settings settings =
        Orchestrator.Settings.builder()
            .transport("local")
            .runsDirectory(Path.of("runs"))
            .baseDirectory(Path.of("."))
            .build();

    assertThat(settings.parallelism()).isEqualTo(1);
    assertThat(settings.mlflowTrackingUri()).isEmpty();
    assertThat(settings.executorSettings()).isEmpty();
    assertThatThrownBy(
            () ->
                Orchestrator.Settings.builder()
                    .transport("local")
                    .runsDirectory(Path.of("r"))
                    .build())
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("baseDirectory is not set");
    assertThatThrownBy(() -> Orchestrator.Settings.builder().build())
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("transport is not set");
  }
}
