package io.sluice.databricks.orchestrated;

import io.sluice.core.Sluice;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.AdlsGen2Datastore;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.Secret;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.databricks.FakePolling;
import io.sluice.databricks.TestComputes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Two notebooks on a Databricks workspace, the second reading the first's output from a shared ADLS
 * datastore; {@link #main} runs it in a JVM of its own, to be killed.
 */
public final class TwoNotebooks {
  static final String TOKEN = "dapi" + "0rch" + "e57r" + "a7ed0123456789abcdef0123";
  static final String LAKE_KEY = "Rm9sZGVyTGFrZUtleQ" + "z".repeat(66) + "==";
  static final Secret TOKEN_SECRET = Secret.of("databricks-token", TOKEN);
  static final Secret LAKE_SECRET = Secret.of("lake-account-key", LAKE_KEY);

  private TwoNotebooks() {}

  static void writeSources(Path base) throws IOException {
    Files.createDirectories(base.resolve("notebooks"));
    Files.writeString(
        base.resolve("notebooks/prep.py"),
        """
        # Databricks notebook source
        out = dbutils.widgets.get('clean_data')
        dbutils.notebook.exit('{"rows": 3}')
        """);
  }

  static PipelineDefinition compile(Path base, String workspaceUrl) {
    return compile(base, workspaceUrl, false);
  }

  /**
   * With {@code withScript}, a script step {@code score} on the same workspace reads the second
   * output and takes the DATA_PATH parameter {@code source}.
   */
  static PipelineDefinition compile(Path base, String workspaceUrl, boolean withScript) {
    AdlsGen2Datastore lake =
        AdlsGen2Datastore.builder()
            .name("lake")
            .accountName(FolderLakeIo.ACCOUNT)
            .fileSystem("work")
            .credential(DatastoreCredential.accountKey(LAKE_SECRET))
            .build();
    DatabricksCompute databricks = TestComputes.databricks(workspaceUrl, TOKEN_SECRET);
    PipelineData clean = PipelineData.of("clean_data");
    PipelineData enriched = PipelineData.of("enriched");
    DatabricksStep prep =
        DatabricksStep.builder()
            .name("prep")
            .sourceDirectory("notebooks")
            .notebookPath("prep")
            .addOutput(clean)
            .computeTarget(databricks)
            .build();
    DatabricksStep enrich =
        DatabricksStep.builder()
            .name("enrich")
            .sourceDirectory("notebooks")
            .notebookPath("prep")
            .addInputs(clean.asMount())
            .addOutput(enriched)
            .computeTarget(databricks)
            .build();
    PythonScriptStep score =
        PythonScriptStep.builder()
            .name("score")
            .sourceDirectory("notebooks")
            .scriptName("prep.py")
            .addInput(enriched)
            .arguments(
                "--input",
                enriched,
                "--mode",
                "fast",
                "--source",
                PipelineParameter.of("source", lake.path("raw/customers.csv")))
            .computeTarget(databricks)
            .build();
    Pipeline pipeline =
        Pipeline.builder()
            .name("two-notebooks")
            .defaultDatastore(lake)
            .steps(withScript ? List.of(prep, enrich, score) : List.of(prep, enrich))
            .build();
    return PipelineCompiler.compile(pipeline, base);
  }

  static PipelineRun submit(
      Path base, String workspaceUrl, String runId, DuplicateRunPolicy policy) {
    return submit(compile(base, workspaceUrl), base, runId, policy);
  }

  static PipelineRun submit(
      PipelineDefinition definition, Path base, String runId, DuplicateRunPolicy policy) {
    return submit(definition, base, runId, policy, Map.of());
  }

  static PipelineRun submit(
      PipelineDefinition definition,
      Path base,
      String runId,
      DuplicateRunPolicy policy,
      Map<String, String> settings) {
    Map<String, String> configuration = new java.util.HashMap<>(FakePolling.ORCHESTRATED);
    configuration.putAll(settings);
    configuration.put("baseDirectory", base.toString());
    configuration.put("parallelism", "4");
    return Sluice.transport("orchestrated", configuration)
        .submit(
            definition,
            RunOptions.builder()
                .runId(runId)
                .duplicateRunPolicy(policy)
                .addAllSecrets(List.of(TOKEN_SECRET, LAKE_SECRET))
                .build());
  }

  /**
   * Runs the pipeline to its end.
   *
   * @param args the base directory, the workspace URL and the run id
   */
  public static void main(String[] args) {
    submit(Path.of(args[0]), args[1], args[2], DuplicateRunPolicy.REJECT)
        .waitForCompletion(Duration.ofMinutes(5));
  }
}
