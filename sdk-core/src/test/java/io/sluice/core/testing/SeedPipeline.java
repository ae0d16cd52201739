package io.sluice.core.testing;

import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.Environment;
import io.sluice.core.model.Library;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.Secret;
import io.sluice.core.model.TabularDataset;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The seed scenario's shape: a CSV dataset on Blob storage, cleaned by a Databricks notebook into
 * intermediate data, on which a Python script trains a model. Source folders are in the test
 * resources under {@code seed/}.
 */
public final class SeedPipeline {
  /** The account key's value; it must never appear in JSON, toString() or messages. */
  public static final String ACCOUNT_KEY_CANARY = "CANARY-acct-key-7f3e9b1c-do-not-print";

  /** The account key's reference, which is what definitions show. */
  public static final String ACCOUNT_KEY_REFERENCE = "seed-storage-key";

  private SeedPipeline() {}

  /** Returns the folder that holds {@code prep/} and {@code train/}, under test-classes. */
  public static Path baseDirectory() {
    try {
      return Path.of(SeedPipeline.class.getResource("/seed").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the Blob datastore, with the canary account key. */
  public static AzureBlobDatastore datastore() {
    return AzureBlobDatastore.builder()
        .name("seed_blob")
        .accountName("sluiceseed")
        .containerName("raw-data")
        .credential(
            DatastoreCredential.accountKey(Secret.of(ACCOUNT_KEY_REFERENCE, ACCOUNT_KEY_CANARY)))
        .build();
  }

  /** Returns the Databricks compute. */
  public static DatabricksCompute databricks() {
    return DatabricksCompute.builder()
        .name("seed-dbx")
        .workspaceUrl("https://adb-1234567890123456.7.azuredatabricks.net")
        .build();
  }

  /** Returns the prep step's new job cluster. */
  public static DatabricksCluster jobCluster() {
    return DatabricksCluster.builder()
        .sparkVersion("15.4.x-scala2.12")
        .nodeType("Standard_DS3_v2")
        .numWorkers(2)
        .putSparkConf("spark.sql.shuffle.partitions", "8")
        .putSparkEnvVariable("PYSPARK_PYTHON", "/databricks/python3/bin/python3")
        .build();
  }

  /** Returns the training environment. */
  public static Environment environment() {
    return Environment.builder()
        .name("seed-train")
        .pythonVersion("3.11")
        .addPipPackages("scikit-learn==1.5.2", "mlflow==2.17.0")
        .build();
  }

  /** Returns the seed pipeline. */
  public static Pipeline pipeline() {
    return pipeline(environment(), "train.py");
  }

  /**
   * The seed pipeline with a different environment or script.
   *
   * @param environment the training environment
   * @param script the training script in {@code train/}
   * @return the pipeline
   */
  public static Pipeline pipeline(Environment environment, String script) {
    AzureBlobDatastore blob = datastore();
    TabularDataset raw = TabularDataset.fromDelimitedFiles(blob.path("input/iris.csv"));
    PipelineData cleaned = PipelineData.builder().name("cleaned").datastore(blob).build();
    PipelineData model =
        PipelineData.builder().name("model").pipelineOutputName("trained_model").build();
    PipelineParameter<Integer> epochs = PipelineParameter.of("epochs", 20);
    PipelineParameter<Integer> minRows = PipelineParameter.of("min_rows", 100);

    DatabricksStep prep =
        DatabricksStep.builder()
            .name("prep")
            .sourceDirectory("prep")
            .notebookPath("clean")
            .notebookParam("min_rows", minRows)
            .addInputs(raw.asNamedInput("raw"))
            .addOutputs(cleaned)
            .computeTarget(databricks())
            .cluster(jobCluster())
            .addLibraries(Library.pypi("pyarrow==17.0.0"))
            .timeoutSeconds(3600)
            .build();
    PythonScriptStep train =
        PythonScriptStep.builder()
            .name("train")
            .scriptName(script)
            .sourceDirectory("train")
            .addInput(cleaned)
            .addOutputs(model)
            .arguments("--data", cleaned, "--epochs", epochs, "--model", model)
            .environment(environment)
            .build();
    return Pipeline.builder()
        .name("seed")
        .description("CSV on Blob, cleaned on Databricks, model trained by a script")
        .defaultDatastore(blob)
        .steps(prep, train)
        .build();
  }
}
