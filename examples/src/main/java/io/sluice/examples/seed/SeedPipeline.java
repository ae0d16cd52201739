package io.sluice.examples.seed;

import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.Environment;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.TabularDataset;

/**
 * The seed scenario as code: customer data on a datastore, a Databricks notebook that cleans it,
 * and a Python script that trains a churn model on the result and logs it to MLflow.
 *
 * <pre>
 *   customers.csv --(raw_data)--> prep (DatabricksStep, notebooks/prep.py)
 *                 --(clean_data)--> train (PythonScriptStep, scripts/train.py) --(model)-->
 * </pre>
 *
 * The same object runs locally (notebook on local PySpark) and, unchanged, on Databricks and Azure
 * ML through their transports.
 */
public final class SeedPipeline {
  /** The number of trees, chosen at submission. */
  public static final PipelineParameter<Integer> N_ESTIMATORS =
      PipelineParameter.of("n_estimators", 200);

  /** The depth of each tree, chosen at submission. */
  public static final PipelineParameter<Integer> MAX_DEPTH = PipelineParameter.of("max_depth", 6);

  private SeedPipeline() {}

  /**
   * Builds the pipeline.
   *
   * @param rawData the datastore that holds {@code customers.csv}
   * @param workspace the datastore for intermediate data and outputs
   * @return the pipeline; its source paths are relative to the seed folder
   */
  public static Pipeline build(Datastore rawData, Datastore workspace) {
    DatabricksCompute databricks =
        DatabricksCompute.builder()
            .name("databricks")
            .defaultCluster(
                DatabricksCluster.builder()
                    .sparkVersion("15.4.x-scala2.12")
                    .nodeType("Standard_DS3_v2")
                    .numWorkers(2)
                    .build())
            .build();
    return build(rawData, workspace, databricks, null);
  }

  /**
   * Builds the pipeline for the {@code orchestrated} transport: the notebook on a Databricks
   * workspace, training on an Azure ML compute (or anywhere else).
   *
   * @param rawData the datastore that holds {@code customers.csv}
   * @param workspace the datastore for intermediate data and outputs, shared by both services
   * @param databricks where the notebook runs
   * @param training where the training script runs, e.g. an {@code AmlCompute}; null for the
   *     default, this machine
   * @return the pipeline; its source paths are relative to the seed folder
   */
  public static Pipeline build(
      Datastore rawData,
      Datastore workspace,
      DatabricksCompute databricks,
      ComputeTarget training) {
    TabularDataset customers = TabularDataset.fromDelimitedFiles(rawData.path("customers.csv"));
    PipelineData cleanData = PipelineData.of("clean_data");
    PipelineData model =
        PipelineData.builder().name("model").pipelineOutputName("churn_model").build();

    DatabricksStep prep =
        DatabricksStep.builder()
            .name("prep")
            .sourceDirectory("notebooks")
            .notebookPath("prep")
            .addInputs(customers.asNamedInput("raw_data"))
            .addOutput(cleanData)
            .computeTarget(databricks)
            .build();

    PythonScriptStep.Builder trainBuilder = PythonScriptStep.builder();
    if (training != null) {
      trainBuilder.computeTarget(training);
    }
    PythonScriptStep train =
        trainBuilder
            .name("train")
            .sourceDirectory("scripts")
            .scriptName("train.py")
            .environment(
                Environment.of(
                    "churn-train", "mlflow==3.17.2", "scikit-learn==1.9.1", "pandas==3.1.1"))
            .addInput(cleanData)
            .addOutput(model)
            .arguments(
                "--input", cleanData,
                "--output", model,
                "--n-estimators", N_ESTIMATORS,
                "--max-depth", MAX_DEPTH)
            .build();

    return Pipeline.builder()
        .name("churn-seed")
        .description("Clean customer data on Databricks, train a churn model, log it to MLflow")
        .defaultDatastore(workspace)
        .steps(prep, train)
        .build();
  }
}
