package io.sluice.core.semantics;

import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.InputBinding;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * prep (notebook: widget {@code min_rows}, and a notebook param named like its output {@code
 * clean_data}) -> train (script: {@code n_estimators}, {@code learning_rate}, {@code verbose};
 * param {@code mode}) and score (Databricks script: {@code -<port>} pairs, then {@code --limit
 * min_rows}). {@code source} is a DATA_PATH parameter no step uses.
 */
final class SemanticsPipelines {
  static final LocalDatastore RAW = LocalDatastore.of("raw", "/data/raw");

  private SemanticsPipelines() {}

  static PipelineDefinition compile(Path base) {
    return compile(base, steps());
  }

  static PipelineDefinition compile(Path base, List<Step> steps) {
    write(base, "prep.py", "# Databricks notebook source\n");
    write(base, "train.py", "print('train')\n");
    write(base, "score.py", "print('score')\n");
    Pipeline pipeline =
        Pipeline.builder()
            .name("semantics")
            .defaultDatastore(LocalDatastore.of("work", "/data/work"))
            .steps(steps)
            .addParameters(PipelineParameter.of("source", RAW.path("customers.csv")))
            .build();
    return PipelineCompiler.compile(pipeline, base);
  }

  static List<Step> steps() {
    PipelineData clean = PipelineData.of("clean_data");
    PipelineParameter<Integer> minRows = PipelineParameter.of("min_rows", 5);
    DatabricksCompute databricks = DatabricksCompute.of("dbx");
    DatabricksCluster cluster =
        DatabricksCluster.builder()
            .sparkVersion("15.4.x-scala2.12")
            .nodeType("Standard_DS3_v2")
            .numWorkers(1)
            .build();
    return List.of(
        DatabricksStep.builder()
            .name("prep")
            .notebookPath("prep")
            .addInputs(InputBinding.of("raw_data", RAW.path("customers.csv")))
            .addOutputs(clean)
            .notebookParam("min_rows", minRows)
            .notebookParam("clean_data", "a notebook param that clashes with the output")
            .computeTarget(databricks)
            .cluster(cluster)
            .build(),
        PythonScriptStep.builder()
            .name("train")
            .scriptName("train.py")
            .addInput(clean)
            .arguments(
                "--input",
                clean,
                "--n-estimators",
                PipelineParameter.of("n_estimators", 200),
                "--learning-rate",
                PipelineParameter.of("learning_rate", 1.0),
                "--verbose",
                PipelineParameter.of("verbose", true))
            .param("mode", PipelineParameter.of("mode", "fast"))
            .build(),
        DatabricksStep.builder()
            .name("score")
            .sourceDirectory(".")
            .pythonScriptName("score.py")
            .addInput(clean)
            .pythonScriptParams("--limit", minRows)
            .computeTarget(databricks)
            .cluster(cluster)
            .build());
  }

  private static void write(Path base, String name, String content) {
    try {
      Files.writeString(base.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
