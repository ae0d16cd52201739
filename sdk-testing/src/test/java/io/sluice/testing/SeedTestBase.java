package io.sluice.testing;

import io.sluice.core.definition.PipelineDefinition;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that start from the seed pipeline compiled from sources in a fresh folder. */
abstract class SeedTestBase {
  @TempDir Path sources;

  PipelineDefinition seed;

  @BeforeEach
  void compileSeed() {
    seed = Pipelines.compiledSeed(sources);
  }
}
