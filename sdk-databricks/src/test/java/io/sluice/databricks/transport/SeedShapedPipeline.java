package io.sluice.databricks.transport;

import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.AdlsGen2Datastore;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.Environment;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.Secret;
import io.sluice.core.model.TabularDataset;
import io.sluice.databricks.TestComputes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The seed scenario's shape: a CSV on a blob datastore, read by a Databricks notebook on a new
 * cluster that writes intermediate data to ADLS Gen2, which a Python script trains on.
 */
final class SeedShapedPipeline {
  static final String TOKEN = "dapi" + "c4a9" + "7e11" + "deadbeefcafef00d0123456789ab";
  static final String BLOB_KEY =
      "Q2FuYXJ5QmxvYktleQ" + "==".replace("=", "") + "x".repeat(60) + "==";
  static final String LAKE_KEY = "TGFrZUtleUNhbmFyeQ" + "y".repeat(66) + "==";
  static final Secret TOKEN_SECRET = Secret.of("databricks-token", TOKEN);
  static final Secret BLOB_SECRET = Secret.of("raw-account-key", BLOB_KEY);
  static final Secret LAKE_SECRET = Secret.of("lake-account-key", LAKE_KEY);

  private SeedShapedPipeline() {}

  /** Writes the notebook and script under {@code base}. */
  static void writeSources(Path base, String notebookBody) throws IOException {
    Files.createDirectories(base.resolve("notebooks"));
    Files.createDirectories(base.resolve("scripts"));
    Files.writeString(
        base.resolve("notebooks/prep.py"),
        "# Databricks notebook source\n"
            + "raw = dbutils.widgets.get('raw_data')\nout = dbutils.widgets.get('clean_data')\n"
            + notebookBody
            + "\n"
            + "dbutils.notebook.exit('{\"rows\": 3}')\n");
    Files.writeString(base.resolve("scripts/train.py"), "import argparse\nprint('training')\n");
  }

  static List<Secret> secrets() {
    return List.of(TOKEN_SECRET, BLOB_SECRET, LAKE_SECRET);
  }

  static PipelineDefinition compile(Path base, String workspaceUrl) {
    AzureBlobDatastore raw =
        AzureBlobDatastore.builder()
            .name("raw_data_store")
            .accountName("sluicedata")
            .containerName("landing")
            .credential(DatastoreCredential.accountKey(BLOB_SECRET))
            .build();
    AdlsGen2Datastore lake =
        AdlsGen2Datastore.builder()
            .name("lake")
            .accountName("sluicelake")
            .fileSystem("work")
            .credential(DatastoreCredential.accountKey(LAKE_SECRET))
            .build();
    TabularDataset customers = TabularDataset.fromDelimitedFiles(raw.path("customers.csv"));
    PipelineData cleanData = PipelineData.of("clean_data");
    PipelineData model = PipelineData.of("model");
    DatabricksCompute databricks = TestComputes.databricks(workspaceUrl, TOKEN_SECRET);
    DatabricksStep prep =
        DatabricksStep.builder()
            .name("prep")
            .sourceDirectory("notebooks")
            .notebookPath("prep")
            .addInputs(customers.asNamedInput("raw_data"))
            .addOutput(cleanData)
            .computeTarget(databricks)
            .build();
    PythonScriptStep train =
        PythonScriptStep.builder()
            .name("train")
            .sourceDirectory("scripts")
            .scriptName("train.py")
            .environment(Environment.of("churn-train", "scikit-learn==1.5.2", "pandas==2.2.3"))
            .addInput(cleanData)
            .addOutput(model)
            .arguments(
                "--input",
                cleanData,
                "--output",
                model,
                "--n-estimators",
                PipelineParameter.of("n_estimators", 200))
            .build();
    Pipeline pipeline =
        Pipeline.builder().name("churn-seed").defaultDatastore(lake).steps(prep, train).build();
    return PipelineCompiler.compile(pipeline, base);
  }

  /** Two notebooks on the compute's default cluster, then the script step on its own cluster. */
  static PipelineDefinition compileTwoNotebooks(Path base, String workspaceUrl) {
    AdlsGen2Datastore lake =
        AdlsGen2Datastore.builder()
            .name("lake")
            .accountName("sluicelake")
            .fileSystem("work")
            .credential(DatastoreCredential.accountKey(LAKE_SECRET))
            .build();
    DatabricksCompute databricks = TestComputes.databricks(workspaceUrl, TOKEN_SECRET);
    PipelineData first = PipelineData.of("first");
    PipelineData second = PipelineData.of("second");
    DatabricksStep a =
        DatabricksStep.builder()
            .name("prep")
            .sourceDirectory("notebooks")
            .notebookPath("prep")
            .addOutput(first)
            .computeTarget(databricks)
            .build();
    DatabricksStep b =
        DatabricksStep.builder()
            .name("enrich")
            .sourceDirectory("notebooks")
            .notebookPath("prep")
            .addInputs(first.asMount())
            .addOutput(second)
            .computeTarget(databricks)
            .build();
    PythonScriptStep train =
        PythonScriptStep.builder()
            .name("train")
            .sourceDirectory("scripts")
            .scriptName("train.py")
            .addInput(second)
            .arguments("--input", second)
            .build();
    Pipeline pipeline =
        Pipeline.builder().name("two-notebooks").defaultDatastore(lake).steps(a, b, train).build();
    return PipelineCompiler.compile(pipeline, base);
  }
}
