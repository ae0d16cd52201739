package io.sluice.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessSpecTest {
  @Test
  void theBuilderKeepsTheSecretEnvironmentApartFromTheEnvironment() {
    ProcessSpec spec =
        ProcessSpec.builder()
            .command(List.of("python", "train.py"))
            .workingDirectory(Path.of("work"))
            .environment(Map.of("MODE", "strict"))
            .secretEnvironment(Map.of("TOKEN", "t"))
            .build();

    assertThat(spec)
        .isEqualTo(
            new ProcessSpec(
                List.of("python", "train.py"),
                Path.of("work"),
                Map.of("MODE", "strict"),
                Map.of("TOKEN", "t")));
  }

  @Test
  void aProcessWithoutVariablesOfItsOwnHasEmptyEnvironments() {
    ProcessSpec spec =
        ProcessSpec.builder().command(List.of("true")).workingDirectory(Path.of(".")).build();

    assertThat(spec.environment()).isEmpty();
    assertThat(spec.secretEnvironment()).isEmpty();
  }
}
