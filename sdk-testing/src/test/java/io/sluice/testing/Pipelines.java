package io.sluice.testing;

import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small pipelines for the tests, with their scripts in a source folder:
 *
 * <pre>
 * seed:    prep --clean--> train --model--> score, and report on its own
 * ordered: a, then b (runAfter)
 * </pre>
 */
final class Pipelines {
  static final LocalDatastore WORKSPACE = LocalDatastore.of("workspace", "data");
  static final PipelineParameter<Integer> EPOCHS = PipelineParameter.of("epochs", 10);
  static final PipelineParameter<String> REGION = PipelineParameter.of("region", "westeurope");

  private Pipelines() {}

  /** Writes each step's script into its own folder below {@code base}. */
  static Path writeSources(Path base) {
    for (String step : new String[] {"prep", "train", "score", "report", "a", "b"}) {
      writeScript(base, step, "print('" + step + "')\n");
    }
    return base;
  }

  static void writeScript(Path base, String step, String content) {
    try {
      Files.createDirectories(base.resolve(step));
      Files.writeString(base.resolve(step).resolve(step + ".py"), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PythonScriptStep.Builder script(String name) {
    return PythonScriptStep.builder().name(name).scriptName(name + ".py").sourceDirectory(name);
  }

  /** prep -> train -> score, and report on its own. */
  static Pipeline seed() {
    return seed(REGION);
  }

  /** The seed pipeline with another region parameter. */
  static Pipeline seed(PipelineParameter<String> region) {
    PipelineData clean = PipelineData.of("clean");
    PipelineData model = PipelineData.of("model");
    return Pipeline.builder()
        .name("seed")
        .defaultDatastore(WORKSPACE)
        .addParameters(region)
        .steps(
            script("prep").arguments("--out", clean, "--region", region).addOutputs(clean).build(),
            script("train")
                .addInput(clean)
                .arguments("--in", clean, "--out", model)
                .param("EPOCHS", EPOCHS)
                .addOutputs(model)
                .build(),
            script("score").addInput(model).arguments("--model", model).build(),
            script("report").build())
        .build();
  }

  /** a, then b because of its runAfter. */
  static Pipeline ordered() {
    return Pipeline.builder()
        .name("ordered")
        .steps(script("a").build(), script("b").addRunAfter("a").build())
        .build();
  }

  static PipelineDefinition compile(Pipeline pipeline, Path base) {
    return PipelineCompiler.compile(pipeline, base);
  }

  /** Writes the sources below {@code base} and compiles the seed pipeline there. */
  static PipelineDefinition compiledSeed(Path base) {
    return compile(seed(), writeSources(base));
  }

  /** The first 12 characters of a step's fingerprint, as failure messages show it. */
  static String shortFingerprint(PipelineDefinition definition, String step) {
    return definition.step(step).orElseThrow().fingerprint().value().substring(0, 12);
  }
}
