package io.sluice.benchmarks;

import io.sluice.core.model.Environment;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates large, valid pipelines of {@link PythonScriptStep}s for the compiler benchmarks. Every
 * step runs {@value #SCRIPT} from one shared source directory, so the compiler hashes that folder
 * once per compilation and every step's fingerprint still covers it.
 */
public final class DagGenerator {
  /** The script every generated step runs. */
  public static final String SCRIPT = "step.py";

  /** Steps per layer in the {@link Shape#LAYERED} shape. */
  public static final int LAYER_WIDTH = 10;

  /** The pipeline shapes the benchmarks compile. */
  public enum Shape {
    /**
     * One source step; {@code n - 2} parallel steps, each reading the source's output and writing
     * its own; one sink reading all of them. Depth 3, one step with {@code n - 2} inputs, one
     * PipelineData with {@code n - 2} consumers.
     */
    FAN_OUT_FAN_IN,
    /**
     * {@code n / 10} layers of {@value DagGenerator#LAYER_WIDTH} steps; step {@code j} of layer
     * {@code k} reads the outputs of steps {@code j} and {@code j + 1 (mod 10)} of layer {@code k -
     * 1}. Every path from the first layer to the last is {@code n / 10} steps long (1,000 at 10,000
     * steps), which stresses deep graphs: topological order, upstream fingerprints, no recursion.
     */
    LAYERED;

    /** Returns the name used as the JMH parameter value. */
    public String parameterName() {
      return this == FAN_OUT_FAN_IN ? "fanOutFanIn" : "layered";
    }

    /**
     * Parses a JMH parameter value.
     *
     * @param name {@code fanOutFanIn} or {@code layered}
     * @return the shape
     */
    public static Shape fromParameter(String name) {
      for (Shape shape : values()) {
        if (shape.parameterName().equals(name)) {
          return shape;
        }
      }
      throw new IllegalArgumentException(
          "unknown shape '" + name + "'; use fanOutFanIn or layered");
    }
  }

  private DagGenerator() {}

  /**
   * Creates the shared source directory: the step script, a helper module and a {@code .amlignore},
   * about what a small training step ships.
   *
   * @return the new temporary folder; the caller deletes it
   */
  public static Path createSourceDirectory() {
    try {
      Path directory = Files.createTempDirectory("sluice-bench-src");
      Files.writeString(
          directory.resolve(SCRIPT),
          """
          import argparse
          from helpers import transform

          parser = argparse.ArgumentParser()
          parser.add_argument('--input', action='append', default=[])
          parser.add_argument('--output')
          parser.add_argument('--epochs', type=int)
          args = parser.parse_args()
          transform(args.input, args.output, args.epochs)
          """,
          StandardCharsets.UTF_8);
      Files.writeString(
          directory.resolve("helpers.py"),
          """
          import os
          import shutil


          def transform(inputs, output, epochs):
              if output:
                  os.makedirs(output, exist_ok=True)
              for i in inputs:
                  for name in os.listdir(i):
                      shutil.copy(os.path.join(i, name), output)
          """,
          StandardCharsets.UTF_8);
      Files.writeString(
          directory.resolve(".amlignore"), "__pycache__/\n*.pyc\n", StandardCharsets.UTF_8);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes a folder made by {@link #createSourceDirectory()}.
   *
   * @param directory the folder
   */
  public static void deleteSourceDirectory(Path directory) {
    if (directory == null) {
      return;
    }
    try (var walk = Files.walk(directory)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Builds a pipeline of {@code steps} steps.
   *
   * @param shape the shape
   * @param steps the number of steps; at least 3, a multiple of 10 for {@link Shape#LAYERED}
   * @param sourceDirectory the shared source directory (absolute)
   * @return the pipeline, valid and free of warnings
   */
  public static Pipeline generate(Shape shape, int steps, Path sourceDirectory) {
    Context context = new Context(sourceDirectory.toAbsolutePath().toString());
    List<Step> list =
        shape == Shape.FAN_OUT_FAN_IN ? fanOutFanIn(steps, context) : layered(steps, context);
    return Pipeline.builder()
        .name(shape.parameterName() + "-" + steps)
        .description("generated " + shape.parameterName() + " pipeline of " + steps + " steps")
        .defaultDatastore(context.store)
        .addAllSteps(list)
        .build();
  }

  private static List<Step> fanOutFanIn(int n, Context c) {
    if (n < 3) {
      throw new IllegalArgumentException(
          "a fan-out/fan-in pipeline needs at least 3 steps, not " + n);
    }
    List<Step> steps = new ArrayList<>(n);
    PipelineData sourceOut = PipelineData.of("source_out");
    steps.add(c.step("source").addOutputs(sourceOut).arguments("--output", sourceOut).build());
    PythonScriptStep.Builder sink = c.step("sink");
    for (int i = 0; i < n - 2; i++) {
      String name = String.format(Locale.ROOT, "fan_%05d", i);
      PipelineData out = PipelineData.of(name + "_out");
      steps.add(
          c.step(name)
              .addInput(sourceOut)
              .addOutputs(out)
              .arguments("--input", sourceOut, "--output", out)
              .build());
      sink.addInput(out);
    }
    steps.add(sink.build());
    return steps;
  }

  private static List<Step> layered(int n, Context c) {
    if (n < LAYER_WIDTH || n % LAYER_WIDTH != 0) {
      throw new IllegalArgumentException(
          "a layered pipeline needs a positive multiple of " + LAYER_WIDTH + " steps, not " + n);
    }
    int layers = n / LAYER_WIDTH;
    List<Step> steps = new ArrayList<>(n);
    PipelineData[] previous = null;
    for (int layer = 0; layer < layers; layer++) {
      boolean last = layer == layers - 1;
      PipelineData[] current = new PipelineData[LAYER_WIDTH];
      for (int j = 0; j < LAYER_WIDTH; j++) {
        String name = String.format(Locale.ROOT, "l%04d_s%02d", layer, j);
        PythonScriptStep.Builder step = c.step(name);
        if (previous != null) {
          PipelineData a = previous[j];
          PipelineData b = previous[(j + 1) % LAYER_WIDTH];
          step.addInput(a).addInput(b).arguments("--input", a, "--input", b);
        }
        if (!last) {
          current[j] = PipelineData.of(name + "_out");
          step.addOutputs(current[j]).arguments("--output", current[j]);
        }
        steps.add(step.build());
      }
      previous = current;
    }
    return steps;
  }

  /** What every generated step shares: source folder, environment, a parameter, a datastore. */
  private static final class Context {
    final String sourceDirectory;
    final LocalDatastore store = LocalDatastore.of("bench_store", "bench-data");
    final Environment environment =
        Environment.builder()
            .name("bench-env")
            .pythonVersion("3.11")
            .addPipPackages("pandas==2.2.3", "scikit-learn==1.6.1")
            .build();
    final PipelineParameter<Integer> epochs = PipelineParameter.of("epochs", 3);

    Context(String sourceDirectory) {
      this.sourceDirectory = sourceDirectory;
    }

    PythonScriptStep.Builder step(String name) {
      PythonScriptStep.Builder builder = PythonScriptStep.builder();
      builder
          .name(name)
          .scriptName(SCRIPT)
          .sourceDirectory(sourceDirectory)
          .environment(environment)
          .arguments("--epochs", epochs);
      return builder;
    }
  }
}
