package io.sluice.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.ConfigurationException;
import io.sluice.core.Sluice;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.model.AmlCompute;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrchestratedTransportTest {
  @TempDir Path base;

  @Test
  void theOrchestratedTransportIsTheLocalOrchestratorUnderItsOwnName() {
    Transport transport =
        Sluice.transport(
            "orchestrated", Map.of("baseDirectory", base.toString(), "runsDirectory", "runs"));

    assertThat(transport.name()).isEqualTo("orchestrated");
    assertThat(((LocalTransport) transport).runsDirectory()).isEqualTo(base.resolve("runs"));
    assertThat(Sluice.transport("local", Map.of("baseDirectory", base.toString())).name())
        .isEqualTo("local");
  }

  @Test
  void bothTransportsReadTheSameSettingsAndNameTheFieldThatIsWrong() {
    assertThatThrownBy(() -> Sluice.transport("orchestrated", Map.of("parallelism", "many")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("orchestrated transport: parallelism is 'many'")
        .hasMessageContaining("use a whole number");
    assertThatThrownBy(() -> Sluice.transport("local", Map.of("parallelism", "0")))
        .hasMessageContaining("parallelism is 0");
  }

  @Test
  void aStepOnLocalComputeRunsLocallyAndARemoteStepWithoutItsExecutorNamesTheArtifact()
      throws Exception {
    Files.createDirectories(base.resolve("src"));
    Files.writeString(base.resolve("src/train.py"), "print('hi')\n");
    PythonScriptStep onAzureMl =
        PythonScriptStep.builder()
            .name("train")
            .scriptName("train.py")
            .sourceDirectory("src")
            .computeTarget(AmlCompute.builder().name("cpu-cluster").build())
            .build();
    StepDefinition local =
        PipelineCompiler.compile(
                Pipeline.builder()
                    .name("here")
                    .steps(
                        PythonScriptStep.builder()
                            .name("train")
                            .scriptName("train.py")
                            .sourceDirectory("src")
                            .build())
                    .build(),
                base)
            .steps()
            .get(0);

    assertThat(
            new LocalPythonScriptExecutor()
                .supports(local, new ComputeDefinition.Local("local"), "orchestrated"))
        .isTrue();
    assertThat(
            new LocalPythonScriptExecutor()
                .supports(local, new ComputeDefinition.Named("cpu"), "orchestrated"))
        .isFalse();
    Transport transport =
        Sluice.transport("orchestrated", Map.of("baseDirectory", base.toString()));
    assertThatThrownBy(
            () ->
                transport.submit(
                    PipelineCompiler.compile(
                        Pipeline.builder().name("remote").steps(onAzureMl).build(), base),
                    RunOptions.builder().runId("r1").build()))
        .hasMessageContaining("'orchestrated-python'")
        .hasMessageContaining("io.sluice:sluice-azureml");
  }
}
