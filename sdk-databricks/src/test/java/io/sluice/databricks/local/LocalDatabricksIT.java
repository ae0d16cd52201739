package io.sluice.databricks.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.model.DataPath;
import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.Environment;
import io.sluice.core.model.InputBinding;
import io.sluice.core.model.Library;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.RunConfiguration;
import io.sluice.core.model.TabularDataset;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.core.run.StepStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databricks steps on the real {@code local} transport and real PySpark. Each test that runs a step
 * starts a Spark JVM, so there are few of them and each checks several things.
 */
// Longer than a run's own 10-minute wait: on a machine without it yet, the first run builds a
// virtualenv with PySpark, and every run starts Spark.
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class LocalDatabricksIT {
  private static final DatabricksCompute DATABRICKS = DatabricksCompute.of("dbx");

  @TempDir Path base;
  private LocalRuns runs;
  private LocalDatastore raw;

  @BeforeEach
  void setUp() {
    runs = new LocalRuns(base);
    raw = LocalDatastore.of("raw", base.resolve("raw").toString());
    runs.resource("customers.csv", "raw/customers/customers.csv");
  }

  /**
   * The seed shape: a notebook cleans a CSV with Spark, a Python script step consumes its output.
   */
  private Pipeline seed(String notebook) {
    if (LocalRuns.class.getResource(notebook + ".py") != null) {
      runs.resource(notebook + ".py", "notebooks/" + notebook + ".py");
    }
    runs.resource("train.py", "scripts/train.py");
    PipelineData clean = PipelineData.of("clean_data");
    PipelineData model = PipelineData.builder().name("model").pipelineOutputName("model").build();
    TabularDataset customers = TabularDataset.fromDelimitedFiles(DataPath.of(raw, "customers"));
    return Pipeline.builder()
        .name("seed")
        .defaultDatastore(runs.workspace())
        .steps(
            DatabricksStep.builder()
                .name("prep")
                .computeTarget(DATABRICKS)
                .sourceDirectory("notebooks")
                .notebookPath(notebook)
                .notebookParam("min_age", PipelineParameter.of("min_age", 18))
                .addInputs(InputBinding.of("raw_data", customers))
                .addOutputs(clean)
                .runconfig(
                    RunConfiguration.of(
                        Environment.builder()
                            .name("spark")
                            .putEnvironmentVariable("SLUICE_TEST_BASE", base.toString())
                            .build()))
                .build(),
            PythonScriptStep.builder()
                .name("train")
                .scriptName("train.py")
                .sourceDirectory("scripts")
                .addInput(clean)
                .addOutput(model)
                .arguments(clean, model)
                .build())
        .build();
  }

  private Pipeline oneStep(DatabricksStep.Builder step) {
    DatabricksStep built = step.computeTarget(DATABRICKS).build();
    return Pipeline.builder()
        .name(built.name())
        .defaultDatastore(runs.workspace())
        .steps(built)
        .build();
  }

  @Test
  void aNotebookCleansACsvForAScriptStepReturnsItsExitValueAndIsReusedUnchanged()
      throws IOException {
    PipelineRun first = runs.submit(seed("clean_customers"), RunOptions.defaults());

    assertThat(first.waitForCompletion(LocalRuns.WAIT)).isEqualTo(RunState.COMPLETED);
    // c1 twice, c2 without an age and c4 under 18 are gone; the order is Spark's orderBy.
    assertThat(Files.readString(Path.of(first.outputs().get("model")).resolve("summary.txt")))
        .isEqualTo("c1,c3,c5");
    assertThat(first.steps().get("prep").message()).isEqualTo("{\"rows_in\": 6, \"rows_out\": 3}");
    assertThat(runs.stdout(first, "prep")).doesNotContain("Traceback");

    PipelineRun second = runs.submit(seed("clean_customers"), RunOptions.defaults());

    assertThat(second.waitForCompletion(LocalRuns.WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(second.steps().values())
        .extracting(StepStatus::state)
        .containsOnly(StepState.REUSED);
    assertThat(Files.readString(base.resolve("prep.runs")))
        .isEqualTo("x"); // Spark did not start again
  }

  @Test
  void aNotebookAskingForAnUnknownWidgetFailsTheRunNamingTheWidgetsItHas() {
    runs.write(
        "notebooks/typo.py",
        """
        # Databricks notebook source
        print('starting')

        # COMMAND ----------

        path = dbutils.widgets.get('raw_dta')
        """);

    PipelineRun run = runs.submit(seed("typo"), RunOptions.defaults());

    assertThatThrownBy(() -> run.waitForCompletion(LocalRuns.WAIT))
        .isInstanceOf(PipelineRunException.class)
        .hasMessageContaining("Step 'prep' failed: typo.py raised an error")
        .hasMessageContaining(
            "No widget named 'raw_dta'. This notebook has widgets: clean_data, min_age, raw_data");
    assertThat(run.steps().get("train").state()).isEqualTo(StepState.SKIPPED);
  }

  @Test
  void aPythonScriptTaskGetsPortPairsThenItsTypedParametersOnTheVirtualenvsSpark()
      throws IOException {
    runs.write(
        "src/task.py",
        """
        import json, os, sys, pyspark
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.getOrCreate()
        rows = spark.read.csv(sys.argv[2], header=True).count()
        os.makedirs(sys.argv[4], exist_ok=True)
        json.dump({'argv': sys.argv[1:], 'rows': rows}, open(os.path.join(sys.argv[4], 'seen.json'), 'w'))
        home = os.environ['SPARK_HOME'] == os.path.dirname(pyspark.__file__)
        open(os.path.join(sys.argv[4], 'spark_home.txt'), 'w').write(str(home))
        """);
    // A SPARK_HOME from the cluster, as Databricks has one, or exported on this machine, which
    // reaches the step the same way: local Spark must be the virtualenv's all the same.
    Path otherSpark = Files.createDirectories(base.resolve("other-spark"));
    DatabricksCluster cluster =
        DatabricksCluster.builder()
            .sparkVersion("15.4.x-scala2.12")
            .nodeType("Standard_DS3_v2")
            .numWorkers(1)
            .putSparkEnvVariable("SPARK_HOME", otherSpark.toString())
            .build();
    PipelineData output =
        PipelineData.builder().name("output").pipelineOutputName("output").build();
    Pipeline pipeline =
        oneStep(
            DatabricksStep.builder()
                .name("task")
                .cluster(cluster)
                .sourceDirectory("src")
                .pythonScriptName("task.py")
                .addInputs(InputBinding.of("input", DataPath.of(raw, "customers/customers.csv")))
                .addOutputs(output)
                .pythonScriptParams("--limit", PipelineParameter.of("limit", 3)));

    PipelineRun run = runs.submit(pipeline, RunOptions.builder().putParameter("limit", 5).build());

    assertThat(run.waitForCompletion(LocalRuns.WAIT)).isEqualTo(RunState.COMPLETED);
    Path out = Path.of(run.outputs().get("output"));
    assertThat(Files.readString(out.resolve("seen.json")))
        .isEqualTo(
            "{\"argv\": [\"-input\", \""
                + base.resolve("raw/customers/customers.csv")
                + "\", \"-output\", \""
                + out
                + "\", \"--limit\", \"5\"], \"rows\": 6}");
    assertThat(Files.readString(out.resolve("spark_home.txt"))).isEqualTo("True");
  }

  @Test
  void aJarTaskRunsItsMainClassOnLocalSparkFromThePySparkJars() throws Exception {
    // The same virtualenv as the step's (same packages), so Spark is installed once.
    PipelineRun find =
        runs.runScript(
            "find_pyspark",
            """
            import os, sys, pyspark
            os.makedirs(sys.argv[1], exist_ok=True)
            open(os.path.join(sys.argv[1], 'home'), 'w').write(os.path.dirname(pyspark.__file__))
            """,
            RunConfiguration.builder(),
            "pyspark==" + LocalSpark.version());
    assertThat(find.waitForCompletion(LocalRuns.WAIT)).isEqualTo(RunState.COMPLETED);
    Path pyspark =
        Path.of(Files.readString(Path.of(find.outputs().get("find_pyspark_out")).resolve("home")));
    Path jar =
        TestJars.compile(
            LocalRuns.class.getResource("CountRows.java"),
            pyspark.resolve("jars"),
            base.resolve("jar"));
    PipelineData counted =
        PipelineData.builder().name("counted").pipelineOutputName("counted").build();
    Pipeline pipeline =
        oneStep(
            DatabricksStep.builder()
                .name("count")
                .mainClassName("CountRows")
                .addLibraries(Library.jar(jar.toString()))
                .addInputs(InputBinding.of("rows", DataPath.of(raw, "customers/customers.csv")))
                .addOutputs(counted)
                .jarParams("--label", "customers"));

    PipelineRun run = runs.submit(pipeline, RunOptions.defaults());

    assertThat(run.waitForCompletion(LocalRuns.WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(Files.readString(Path.of(run.outputs().get("counted")).resolve("count.txt")))
        .isEqualTo("customers=6 on local[*]");
    assertThat(List.of(run.steps().get("count").state())).containsExactly(StepState.COMPLETED);
  }
}
