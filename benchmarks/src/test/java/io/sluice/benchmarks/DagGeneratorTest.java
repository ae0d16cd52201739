package io.sluice.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.benchmarks.DagGenerator.Shape;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.model.Pipeline;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DagGeneratorTest {
  private static Path source;

  @BeforeAll
  static void createSource() {
    source = DagGenerator.createSourceDirectory();
  }

  @AfterAll
  static void deleteSource() {
    DagGenerator.deleteSourceDirectory(source);
  }

  @Test
  void fanOutFanInOf100StepsCompilesCleanly() {
    Pipeline pipeline = DagGenerator.generate(Shape.FAN_OUT_FAN_IN, 100, source);

    assertThat(PipelineCompiler.validate(pipeline, Path.of(""))).isEmpty();
    PipelineDefinition definition = PipelineCompiler.compile(pipeline);

    assertThat(definition.steps()).hasSize(100);
    assertThat(definition.steps().get(0).name()).isEqualTo("source");
    StepDefinition sink = definition.steps().get(99);
    assertThat(sink.name()).isEqualTo("sink");
    assertThat(sink.dependsOn()).hasSize(98);
    assertThat(sink.fingerprint().upstream()).hasSize(98);
    assertThat(sink.fingerprint().sources())
        .containsOnlyKeys(".amlignore", "helpers.py", "step.py");
  }

  @Test
  void layeredOf100StepsCompilesCleanly() {
    Pipeline pipeline = DagGenerator.generate(Shape.LAYERED, 100, source);

    assertThat(PipelineCompiler.validate(pipeline, Path.of(""))).isEmpty();
    PipelineDefinition definition = PipelineCompiler.compile(pipeline);

    assertThat(definition.steps()).hasSize(100);
    assertThat(definition.steps().get(0).dependsOn()).isEmpty();
    assertThat(definition.steps().get(99).name()).isEqualTo("l0009_s09");
    assertThat(definition.steps().get(99).dependsOn()).containsExactly("l0008_s00", "l0008_s09");
  }

  @Test
  void theSamePipelineCompilesToTheSameFingerprints() {
    PipelineDefinition first =
        PipelineCompiler.compile(DagGenerator.generate(Shape.LAYERED, 100, source));
    PipelineDefinition second =
        PipelineCompiler.compile(DagGenerator.generate(Shape.LAYERED, 100, source));

    assertThat(second.toJson()).isEqualTo(first.toJson());
  }
}
