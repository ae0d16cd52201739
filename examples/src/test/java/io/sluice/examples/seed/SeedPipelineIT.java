package io.sluice.examples.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.compiler.ModelTranslation;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.local.LocalTransport;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The seed scenario end to end on the local transport: real PySpark, real scikit-learn, MLflow. */
// Longer than a run's own 30-minute wait: on a machine without them yet, the first run builds the
// training step's virtualenv (scikit-learn, mlflow) and one with PySpark.
@Timeout(value = 35, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedPipelineIT {
  private static final Duration WAIT = Duration.ofMinutes(30);

  @TempDir static Path work;
  private static Path seed;
  private static Path runs;
  private static LocalTransport transport;
  private static PipelineRun first;

  @BeforeAll
  static void copySeed() throws IOException {
    Path source = Path.of("src/main/resources/seed").toAbsolutePath();
    seed = work.resolve("seed");
    runs = work.resolve("runs");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = seed.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    transport = LocalTransport.builder().baseDirectory(seed).runsDirectory(runs).build();
  }

  private static PipelineDefinition definition() {
    Pipeline pipeline =
        SeedPipeline.build(
            LocalDatastore.of("raw", seed.resolve("data").toString()),
            LocalDatastore.of("workspaceblobstore", runs.resolve("datastore").toString()));
    return PipelineCompiler.compile(pipeline, seed);
  }

  @Test
  @Order(1)
  void runsToCompletionAndLogsTheTrainingRunToMlflow() throws Exception {
    first = transport.submit(definition(), RunOptions.defaults());

    assertThat(first.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(first.steps().get("prep").message()).contains("rows_out");
    Path model = Path.of(first.outputs().get("model"));
    assertThat(model.resolve("model/MLmodel")).exists();

    JsonNode train = readBackTrainingRun(first.id());
    assertThat(train.get("params").get("n_estimators").asText()).isEqualTo("200");
    assertThat(train.get("params").get("max_depth").asText()).isEqualTo("6");
    assertThat(train.get("metrics").get("accuracy").asDouble()).isBetween(0.5, 1.0);
    assertThat(train.get("metrics").get("roc_auc").asDouble()).isBetween(0.5, 1.0);
    assertThat(train.get("parentRunId").asText()).isNotBlank();
  }

  @Test
  @Order(2)
  void aSecondRunWithNothingChangedReusesBothSteps() {
    PipelineRun second = transport.submit(definition(), RunOptions.defaults());

    second.waitForCompletion(WAIT);
    assertThat(second.steps().values())
        .allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.REUSED));
    assertThat(second.steps().get("train").message()).contains("reused run " + first.id());
    // No step ran, so no step started Spark or Python: the run folder has no step logs.
    assertThat(runs.resolve(second.id()).resolve("steps")).doesNotExist();
  }

  @Test
  @Order(3)
  void changingOneLineOfTheTrainingScriptRerunsOnlyTrainingAndSaysWhy() throws IOException {
    Files.writeString(
        seed.resolve("scripts/train.py"), "\n# tuned later\n", StandardOpenOption.APPEND);
    List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

    PipelineRun third =
        transport.submit(
            definition(),
            RunOptions.builder()
                .addListeners(
                    e -> {
                      if (e instanceof io.sluice.core.run.RunEvent.StepStateChanged c) {
                        messages.add(c.status().step() + ": " + c.status().message());
                      }
                    })
                .build());

    third.waitForCompletion(WAIT);
    assertThat(third.steps().get("prep").state()).isEqualTo(StepState.REUSED);
    assertThat(third.steps().get("train").state()).isEqualTo(StepState.COMPLETED);
    assertThat(messages).contains("train: runs because train.py changed");
  }

  @Test
  @Order(4)
  void changingAParameterOnlyTrainingUsesRerunsOnlyTrainingAndNamesTheParameter() {
    List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

    PipelineRun fourth =
        transport.submit(
            definition(),
            RunOptions.builder()
                .putParameter(SeedPipeline.N_ESTIMATORS.name(), 300)
                .addListeners(
                    e -> {
                      if (e instanceof io.sluice.core.run.RunEvent.StepStateChanged c) {
                        messages.add(c.status().step() + ": " + c.status().message());
                      }
                    })
                .build());

    fourth.waitForCompletion(WAIT);
    assertThat(fourth.steps().get("prep").state()).isEqualTo(StepState.REUSED);
    assertThat(fourth.steps().get("train").state()).isEqualTo(StepState.COMPLETED);
    assertThat(messages).contains("train: runs because parameter n_estimators changed: 200 -> 300");
  }

  /** Reads the step's MLflow run back with the Python mlflow client, as a user would. */
  private static JsonNode readBackTrainingRun(String pipelineRunId) throws Exception {
    PythonScriptStep train =
        (PythonScriptStep)
            SeedPipeline.build(LocalDatastore.of("raw", "x"), LocalDatastore.of("w", "y"))
                .steps()
                .get(1);
    Path python =
        transport
            .pythonEnvironments()
            .python(train.environment().map(ModelTranslation::environment), List.of());
    String script =
        "import json, sys, mlflow\n"
            + "client = mlflow.MlflowClient(tracking_uri=sys.argv[1])\n"
            + "exp = client.get_experiment_by_name('churn-seed')\n"
            + "runs = client.search_runs([exp.experiment_id], \"tags.`sluice.runId` = '\" + sys.argv[2] + \"'\")\n"
            + "run = [r for r in runs if r.info.run_name == 'train'][0]\n"
            + "print(json.dumps({'params': run.data.params, 'metrics': run.data.metrics,"
            + " 'parentRunId': run.data.tags.get('mlflow.parentRunId', '')}))\n";
    Process process =
        new ProcessBuilder(
                python.toString(),
                "-c",
                script,
                "sqlite:///" + runs.resolve("mlflow/mlflow.db"),
                pipelineRunId)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    String[] lines = out.strip().split("\n", -1);
    return new ObjectMapper().readTree(lines[lines.length - 1]);
  }
}
