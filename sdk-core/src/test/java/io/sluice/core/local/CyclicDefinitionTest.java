package io.sluice.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Sluice;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.InvalidDefinitionException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.Transport;
import io.sluice.core.testing.SeedPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local transport once ran a cyclic definition, started no step and reported COMPLETED. Such a
 * definition can no longer be built, so neither this transport nor any other ever gets one.
 */
class CyclicDefinitionTest {
  @TempDir Path base;

  @Test
  void aCyclicDefinitionCannotBeBuiltSoTheLocalTransportNeverRunsIt() {
    PipelineDefinition seed =
        PipelineCompiler.compile(SeedPipeline.pipeline(), SeedPipeline.baseDirectory());
    StepDefinition prep = seed.step("prep").orElseThrow();
    StepDefinition afterTrain = prep.toBuilder().dependsOn(List.of("train")).build();
    Transport transport = Sluice.transport("local", Map.of("baseDirectory", base.toString()));

    assertThatThrownBy(
            () ->
                transport.submit(
                    seed.toBuilder()
                        .steps(List.of(afterTrain, seed.step("train").orElseThrow()))
                        .build(),
                    RunOptions.defaults()))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessage(
            "Pipeline definition 'seed' is invalid (1 problem):\n  steps[0].dependsOn[0]: the steps form"
                + " a cycle: prep -> train -> prep; remove one of these dependencies");
    assertThat(((LocalTransport) transport).runsDirectory()).doesNotExist();
  }
}
