package io.sluice.examples.seed;

import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.local.LocalTransport;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.run.ConsoleProgress;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.StepStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the seed pipeline on this machine with the embedded {@code local} transport and prints where
 * its outputs and MLflow runs are.
 *
 * <p>System properties: {@code sluice.seed.dir} (the seed folder with {@code data/}, {@code
 * notebooks/}, {@code scripts/}; found from the working directory by default) and {@code
 * sluice.runs.dir} (run folders and the MLflow store; {@code sluice-runs} by default).
 */
public final class RunSeed {
  private RunSeed() {}

  /**
   * Runs the seed pipeline.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Path seed = seedDirectory();
    Path runs = Path.of(System.getProperty("sluice.runs.dir", "sluice-runs")).toAbsolutePath();
    Pipeline pipeline =
        SeedPipeline.build(
            LocalDatastore.of("raw", seed.resolve("data").toString()),
            LocalDatastore.of("workspaceblobstore", runs.resolve("datastore").toString()));
    PipelineDefinition definition = PipelineCompiler.compile(pipeline, seed);
    System.out.println("Pipeline '" + definition.name() + "':\n" + definition.toMermaid());

    LocalTransport transport =
        LocalTransport.builder().baseDirectory(seed).runsDirectory(runs).build();
    PipelineRun run =
        transport.submit(
            definition,
            RunOptions.builder().addListeners(ConsoleProgress.standardOutput()).build());
    run.waitForCompletion(Duration.ofHours(1));

    System.out.println();
    for (StepStatus status : run.steps().values()) {
      System.out.println(
          "  "
              + status.step()
              + ": "
              + status.state()
              + (status.message().isEmpty() ? "" : " - " + status.message()));
    }
    System.out.println("Outputs:");
    run.outputs().forEach((name, uri) -> System.out.println("  " + name + ": " + uri));
    System.out.println("Run folder (definition, journal, step logs): " + runs.resolve(run.id()));
    System.out.println(
        "MLflow runs: mlflow ui --backend-store-uri sqlite:///" + runs.resolve("mlflow/mlflow.db"));
  }

  private static Path seedDirectory() {
    String configured = System.getProperty("sluice.seed.dir");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    for (String candidate :
        new String[] {"examples/src/main/resources/seed", "src/main/resources/seed"}) {
      if (Files.isDirectory(Path.of(candidate))) {
        return Path.of(candidate).toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "Seed folder not found; run from the repository root or set -Dsluice.seed.dir=<folder>");
  }
}
