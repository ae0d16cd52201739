package io.sluice.core.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.testing.SeedPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphTextTest {
  private static PipelineDefinition seed() {
    return PipelineCompiler.compile(SeedPipeline.pipeline(), SeedPipeline.baseDirectory());
  }

  /** a -> b by data, b -> c by runAfter only, a -> c by data and runAfter (drawn once, as data). */
  private static PipelineDefinition ordering(Path base) throws IOException {
    Files.writeString(base.resolve("run.py"), "");
    PipelineData x = PipelineData.of("x");
    PipelineData y = PipelineData.of("y");
    return PipelineCompiler.compile(
        Pipeline.builder()
            .name("order")
            .defaultDatastore(LocalDatastore.of("local", "/tmp"))
            .steps(
                PythonScriptStep.builder().name("a").scriptName("run.py").addOutputs(x, y).build(),
                PythonScriptStep.builder().name("b").scriptName("run.py").addInput(x).build(),
                PythonScriptStep.builder()
                    .name("c.v2")
                    .scriptName("run.py")
                    .addInput(y)
                    .addRunAfter("b", "a")
                    .build())
            .build(),
        base);
  }

  @Test
  void seedAsMermaid() {
    assertThat(seed().toMermaid())
        .isEqualTo(
            """
            flowchart LR
              s_prep["prep<br/>DatabricksStep"]
              s_train["train<br/>PythonScriptStep"]
              s_prep -->|cleaned| s_train
            """);
  }

  @Test
  void seedAsDot() {
    assertThat(seed().toDot())
        .isEqualTo(
            """
            digraph "seed" {
              rankdir=LR;
              node [shape=box];
              "prep" [label="prep\\nDatabricksStep"];
              "train" [label="train\\nPythonScriptStep"];
              "prep" -> "train" [label="cleaned"];
            }
            """);
  }

  @Test
  void orderingEdgesAreDashedAndDataEdgesLabelled(@TempDir Path base) throws IOException {
    PipelineDefinition definition = ordering(base);

    assertThat(definition.toMermaid())
        .isEqualTo(
            """
            flowchart LR
              s_a["a<br/>PythonScriptStep"]
              s_b["b<br/>PythonScriptStep"]
              s_c_v2["c.v2<br/>PythonScriptStep"]
              s_a -->|x| s_b
              s_a -->|y| s_c_v2
              s_b -.-> s_c_v2
            """);
    assertThat(definition.toDot())
        .isEqualTo(
            """
            digraph "order" {
              rankdir=LR;
              node [shape=box];
              "a" [label="a\\nPythonScriptStep"];
              "b" [label="b\\nPythonScriptStep"];
              "c.v2" [label="c.v2\\nPythonScriptStep"];
              "a" -> "b" [label="x"];
              "a" -> "c.v2" [label="y"];
              "b" -> "c.v2" [style=dashed];
            }
            """);
  }

  @Test
  void graphTextIsNotPartOfTheJson() {
    assertThat(seed().toJson()).doesNotContain("flowchart", "digraph", "mermaid", "dot\"");
  }
}
