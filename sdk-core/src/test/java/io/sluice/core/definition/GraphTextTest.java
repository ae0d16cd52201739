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
                PythonScriptStep.builder().name("c.v2").scriptName("run.py").addInput(y).addRunAfter("b", "a").build())
            .build(),
        base);
  }

  @Test
  void seedAsMermaid() {
    assertThat(seed().toMermaid())
        .isEqualTo(
            "flowchart LR\n"
                + "  s_prep[\"prep<br/>DatabricksStep\"]\n"
                + "  s_train[\"train<br/>PythonScriptStep\"]\n"
                + "  s_prep -->|cleaned| s_train\n");
  }

  @Test
  void seedAsDot() {
    assertThat(seed().toDot())
        .isEqualTo(
            "digraph \"seed\" {\n"
                + "  rankdir=LR;\n"
                + "  node [shape=box];\n"
                + "  \"prep\" [label=\"prep\\nDatabricksStep\"];\n"
                + "  \"train\" [label=\"train\\nPythonScriptStep\"];\n"
                + "  \"prep\" -> \"train\" [label=\"cleaned\"];\n"
                + "}\n");
  }

  @Test
  void orderingEdgesAreDashedAndDataEdgesLabelled(@TempDir Path base) throws IOException {
    PipelineDefinition definition = ordering(base);

    assertThat(definition.toMermaid())
        .isEqualTo(
            "flowchart LR\n"
                + "  s_a[\"a<br/>PythonScriptStep\"]\n"
                + "  s_b[\"b<br/>PythonScriptStep\"]\n"
                + "  s_c_v2[\"c.v2<br/>PythonScriptStep\"]\n"
                + "  s_a -->|x| s_b\n"
                + "  s_a -->|y| s_c_v2\n"
                + "  s_b -.-> s_c_v2\n");
    assertThat(definition.toDot())
        .isEqualTo(
            "digraph \"order\" {\n"
                + "  rankdir=LR;\n"
                + "  node [shape=box];\n"
                + "  \"a\" [label=\"a\\nPythonScriptStep\"];\n"
                + "  \"b\" [label=\"b\\nPythonScriptStep\"];\n"
                + "  \"c.v2\" [label=\"c.v2\\nPythonScriptStep\"];\n"
                + "  \"a\" -> \"b\" [label=\"x\"];\n"
                + "  \"a\" -> \"c.v2\" [label=\"y\"];\n"
                + "  \"b\" -> \"c.v2\" [style=dashed];\n"
                + "}\n");
  }

  @Test
  void graphTextIsNotPartOfTheJson() {
    assertThat(seed().toJson()).doesNotContain("flowchart", "digraph", "mermaid", "dot\"");
  }
}
