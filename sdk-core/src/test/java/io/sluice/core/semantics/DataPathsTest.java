package io.sluice.core.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.definition.PipelineDefinition;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPathsTest {
  @TempDir Path base;

  @Test
  void anOutputLivesUnderTheRunsFolderByRunStepAndName() {
    assertThat(DataPaths.output("run-1", "prep", "clean_data"))
        .isEqualTo("sluice/runs/run-1/prep/clean_data");
  }

  @Test
  void intermediateDataLivesUnderItsProducer() {
    PipelineDefinition definition = SemanticsPipelines.compile(base);

    assertThat(DataPaths.output("run-1", definition.data("clean_data").orElseThrow()))
        .isEqualTo("sluice/runs/run-1/prep/clean_data");
  }
}
