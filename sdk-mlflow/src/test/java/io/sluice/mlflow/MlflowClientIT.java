package io.sluice.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.sluice.mlflow.models.Dataset;
import io.sluice.mlflow.models.DatasetInput;
import io.sluice.mlflow.models.Experiment;
import io.sluice.mlflow.models.FileInfo;
import io.sluice.mlflow.models.LoggedModel;
import io.sluice.mlflow.models.LoggedModelStatus;
import io.sluice.mlflow.models.Metric;
import io.sluice.mlflow.models.ModelVersion;
import io.sluice.mlflow.models.Param;
import io.sluice.mlflow.models.RegisteredModel;
import io.sluice.mlflow.models.Run;
import io.sluice.mlflow.models.RunStatus;
import io.sluice.mlflow.models.Tag;
import io.sluice.mlflow.models.ViewType;
import io.sluice.testing.process.ProcessTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(MlflowServer.class)
class MlflowClientIT {
  /** Far more than the Python client needs on a slow machine; a hang fails instead of blocking. */
  private static final Duration PYTHON_CLIENT_TIMEOUT = Duration.ofMinutes(3);

  private final MlflowClient mlflow =
      new MlflowClientBuilder().trackingUri(MlflowServer.uri()).buildClient();
  private final MlflowRegistryClient registry = mlflow.getRegistryClient();
  private final MlflowLoggedModelClient loggedModels = mlflow.getLoggedModelClient();
  private final MlflowArtifactClient artifacts = mlflow.getArtifactClient();

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  @Test
  void experiments() {
    String name = unique("exp");
    String id = mlflow.createExperiment(name, null, List.of(new Tag("team", "ml")));
    assertThat(mlflow.getExperiment(id).name()).isEqualTo(name);
    assertThat(mlflow.getExperimentByName(name)).map(Experiment::experimentId).contains(id);
    assertThat(mlflow.getExperimentByName(unique("missing"))).isEmpty();
    assertThatThrownBy(() -> mlflow.createExperiment(name))
        .isInstanceOf(MlflowResourceAlreadyExistsException.class)
        .hasMessageContaining("RESOURCE_ALREADY_EXISTS");

    mlflow.setExperimentTag(id, "stage", "dev");
    mlflow.deleteExperimentTag(id, "team");
    assertThat(mlflow.getExperiment(id).tags()).containsExactly(new Tag("stage", "dev"));
    String renamed = name + "-renamed";
    mlflow.renameExperiment(id, renamed);
    assertThat(
            mlflow.searchExperiments("name = '" + renamed + "'", ViewType.ACTIVE_ONLY).stream()
                .map(Experiment::experimentId))
        .containsExactly(id);

    mlflow.deleteExperiment(id);
    assertThat(mlflow.getExperiment(id).lifecycleStage()).isEqualTo("deleted");
    assertThat(mlflow.searchExperiments("name = '" + renamed + "'", ViewType.DELETED_ONLY).stream())
        .hasSize(1);
    mlflow.restoreExperiment(id);
    assertThat(mlflow.getExperiment(id).lifecycleStage()).isEqualTo("active");
    assertThatThrownBy(() -> mlflow.getExperiment("999999"))
        .isInstanceOf(MlflowResourceNotFoundException.class)
        .satisfies(e -> assertThat(((MlflowException) e).getStatusCode()).isEqualTo(404));
  }

  @Test
  void runsParamsMetricsTagsAndInputs() {
    String experimentId = mlflow.createExperiment(unique("runs"));
    Run run = mlflow.createRun(experimentId, "first", List.of(new Tag("owner", "sluice")));
    String runId = run.info().runId();
    assertThat(run.info().status()).isEqualTo(RunStatus.RUNNING);

    mlflow.logParam(runId, "lr", "0.01");
    mlflow.logParam(runId, "lr", "0.01");
    assertThatThrownBy(() -> mlflow.logParam(runId, "lr", "0.02"))
        .isInstanceOf(MlflowInvalidParameterException.class);
    mlflow.logMetric(runId, "loss", 0.5, 1000, 1);
    mlflow.logMetric(runId, "loss", 0.25, 2000, 2);
    mlflow.setTag(runId, "note", "hello");
    mlflow.setTag(runId, "gone", "soon");
    mlflow.deleteTag(runId, "gone");
    mlflow.logInputs(
        runId,
        List.of(
            new DatasetInput(
                List.of(new Tag("mlflow.data.context", "training")),
                Dataset.builder()
                    .name("iris")
                    .digest("abc123")
                    .sourceType("local")
                    .source("{\"uri\":\"file:///iris.csv\"}")
                    .build())));

    Run read = mlflow.getRun(runId);
    assertThat(read.data().params()).containsExactly(new Param("lr", "0.01"));
    assertThat(read.data().metrics())
        .containsExactly(Metric.builder("loss").value(0.25).timestamp(2000).step(2).build());
    assertThat(read.data().tags())
        .contains(new Tag("note", "hello"), new Tag("owner", "sluice"))
        .doesNotContain(new Tag("gone", "soon"));
    assertThat(read.inputs().datasetInputs())
        .singleElement()
        .satisfies(input -> assertThat(input.dataset().name()).isEqualTo("iris"));
    assertThat(mlflow.getMetricHistory(runId, "loss").stream())
        .containsExactly(
            Metric.builder("loss").value(0.5).timestamp(1000).step(1).build(),
            Metric.builder("loss").value(0.25).timestamp(2000).step(2).build());

    assertThat(mlflow.updateRun(runId, RunStatus.FINISHED, 5000L, "renamed").status())
        .isEqualTo(RunStatus.FINISHED);
    assertThat(mlflow.getRun(runId).info().runName()).isEqualTo("renamed");
    mlflow.deleteRun(runId);
    assertThat(mlflow.getRun(runId).info().lifecycleStage()).isEqualTo("deleted");
    mlflow.restoreRun(runId);
    assertThat(mlflow.getRun(runId).info().lifecycleStage()).isEqualTo("active");
    assertThatThrownBy(() -> mlflow.logMetric(runId, "../escape", 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'metric key' '../escape'");
  }

  @Test
  void logBatchSplitsToServerLimitsAndSearchPages() {
    String experimentId = mlflow.createExperiment(unique("batch"));
    String runId = mlflow.createRun(experimentId, null, List.of()).info().runId();
    List<Metric> metrics =
        IntStream.range(0, 2500)
            .mapToObj(
                i -> Metric.builder("m" + (i % 3)).value(i).timestamp(1_000L + i).step(i).build())
            .toList();
    List<Param> params =
        IntStream.range(0, 250).mapToObj(i -> new Param("p" + i, "v" + i)).toList();
    List<Tag> tags =
        IntStream.range(0, 150).mapToObj(i -> new Tag("t" + i, "x".repeat(7000))).toList();

    mlflow.logBatch(runId, metrics, params, tags);

    Run run = mlflow.getRun(runId);
    assertThat(run.data().params()).hasSize(250);
    assertThat(run.data().tags()).filteredOn(tag -> tag.key().startsWith("t")).hasSize(150);
    assertThat(mlflow.getMetricHistory(runId, "m0").stream().map(Metric::step).toList())
        .isEqualTo(
            IntStream.range(0, 2500).filter(i -> i % 3 == 0).asLongStream().boxed().toList());

    for (int i = 0; i < 3; i++) {
      mlflow.createRun(experimentId, "paged-" + i, List.of());
    }
    // The first run got a generated name, so the filter must not match generated names.
    assertThat(
            mlflow
                .searchRuns(
                    List.of(experimentId),
                    "attributes.run_name LIKE 'paged-%'",
                    ViewType.ACTIVE_ONLY,
                    List.of("attributes.run_name DESC"))
                .stream()
                .map(r -> r.info().runName()))
        .containsExactly("paged-2", "paged-1", "paged-0");
  }

  @Test
  void registeredModelsVersionsAliasesTagsAndStages() {
    String name = unique("model");
    String runId =
        mlflow.createRun(mlflow.createExperiment(unique("reg")), null, List.of()).info().runId();
    RegisteredModel model =
        registry.createRegisteredModel(name, "first", List.of(new Tag("k", "v")));
    assertThat(model.name()).isEqualTo(name);
    assertThatThrownBy(() -> registry.createRegisteredModel(name, null, List.of()))
        .isInstanceOf(MlflowResourceAlreadyExistsException.class);

    ModelVersion v1 =
        registry.createModelVersion(name, "runs:/" + runId + "/model", runId, null, List.of());
    ModelVersion v2 =
        registry.createModelVersion(name, "runs:/" + runId + "/model", runId, null, List.of());
    assertThat(v2.version()).isEqualTo("2");
    registry.setRegisteredModelAlias(name, "champion", v1.version());
    assertThat(registry.getModelVersionByAlias(name, "champion").version()).isEqualTo("1");
    assertThat(registry.getRegisteredModel(name).aliases())
        .singleElement()
        .satisfies(alias -> assertThat(alias.alias()).isEqualTo("champion"));
    registry.deleteRegisteredModelAlias(name, "champion");
    assertThatThrownBy(() -> registry.getModelVersionByAlias(name, "champion"))
        .isInstanceOf(MlflowException.class);

    registry.setRegisteredModelTag(name, "owner", "me");
    registry.deleteRegisteredModelTag(name, "k");
    assertThat(registry.updateRegisteredModel(name, "second").description()).isEqualTo("second");
    assertThat(registry.getRegisteredModel(name).tags()).containsExactly(new Tag("owner", "me"));
    registry.setModelVersionTag(name, "1", "validated", "yes");
    assertThat(registry.getModelVersion(name, "1").tags())
        .containsExactly(new Tag("validated", "yes"));
    registry.deleteModelVersionTag(name, "1", "validated");
    assertThat(registry.updateModelVersion(name, "1", "v one").description()).isEqualTo("v one");
    assertThat(registry.transitionModelVersionStage(name, "1", "Production", true).currentStage())
        .isEqualTo("Production");
    assertThat(registry.searchModelVersions("name = '" + name + "'").stream()).hasSize(2);
    assertThat(registry.searchRegisteredModels("name = '" + name + "'").stream()).hasSize(1);

    registry.deleteModelVersion(name, "2");
    assertThat(registry.searchModelVersions("name = '" + name + "'").stream()).hasSize(1);
    String renamed = name + "-renamed";
    registry.renameRegisteredModel(name, renamed);
    registry.deleteRegisteredModel(renamed);
    assertThatThrownBy(() -> registry.getRegisteredModel(renamed))
        .isInstanceOf(MlflowResourceNotFoundException.class);
  }

  @Test
  void loggedModels() {
    String experimentId = mlflow.createExperiment(unique("logged"));
    String runId = mlflow.createRun(experimentId, null, List.of()).info().runId();
    LoggedModel model =
        loggedModels.createLoggedModel(
            experimentId,
            "clf",
            runId,
            List.of(new Param("alpha", "0.1")),
            List.of(new Tag("kind", "sklearn")));
    String id = model.info().modelId();
    assertThat(model.info().status()).isEqualTo("LOGGED_MODEL_PENDING");
    assertThat(
            loggedModels
                .finalizeLoggedModel(id, LoggedModelStatus.LOGGED_MODEL_READY)
                .info()
                .status())
        .isEqualTo("LOGGED_MODEL_READY");
    loggedModels.setLoggedModelTags(id, List.of(new Tag("stage", "dev")));
    loggedModels.deleteLoggedModelTag(id, "kind");
    LoggedModel read = loggedModels.getLoggedModel(id);
    assertThat(read.info().tags()).containsExactly(new Tag("stage", "dev"));
    assertThat(read.data().params()).containsExactly(new Param("alpha", "0.1"));
    assertThat(
            loggedModels.searchLoggedModels(List.of(experimentId), null).stream()
                .map(m -> m.info().modelId()))
        .containsExactly(id);
    String registered =
        registry.createRegisteredModel(unique("from-logged"), null, List.of()).name();
    ModelVersion version =
        registry.createModelVersion(registered, "models:/" + id, runId, id, List.of());
    assertThat(version.source()).isEqualTo("models:/" + id);
    loggedModels.deleteLoggedModel(id);
    assertThatThrownBy(() -> loggedModels.getLoggedModel(id))
        .isInstanceOf(MlflowResourceNotFoundException.class);
  }

  @Test
  void artifactsUploadListAndDownload(@TempDir Path tmp) throws IOException {
    String runId =
        mlflow.createRun(mlflow.createExperiment(unique("art")), null, List.of()).info().runId();
    Path dir = Files.createDirectories(tmp.resolve("model/sub"));
    Files.writeString(tmp.resolve("model/MLmodel"), "flavors: {}");
    Files.writeString(dir.resolve("weights bin"), "0123");
    artifacts.uploadArtifacts(runId, tmp.resolve("model"), "model");
    artifacts.uploadArtifact(runId, tmp.resolve("model/MLmodel"), null);

    assertThat(artifacts.listArtifacts(runId, null))
        .extracting(FileInfo::path, FileInfo::isDir)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("MLmodel", false),
            org.assertj.core.groups.Tuple.tuple("model", true));
    assertThat(artifacts.listArtifacts(runId, "model/sub"))
        .singleElement()
        .satisfies(file -> assertThat(file.fileSize()).isEqualTo(4L));
    artifacts.downloadArtifact(runId, "model/sub/weights bin", tmp.resolve("out/w"));
    assertThat(tmp.resolve("out/w")).hasContent("0123");
    assertThatThrownBy(() -> artifacts.downloadArtifact(runId, "nope", tmp.resolve("out/n")))
        .isInstanceOf(MlflowException.class);
  }

  @Test
  void runScopeEndsFinishedOrFailedAndRethrows() {
    String experimentId = mlflow.createExperiment(unique("scope"));
    String finished =
        mlflow.withRun(
            experimentId,
            "ok",
            run -> {
              run.logger().logMetric("x", 1, 0);
              return run.getRunId();
            });
    assertThat(mlflow.getRun(finished).info().status()).isEqualTo(RunStatus.FINISHED);
    assertThat(mlflow.getRun(finished).data().metrics()).hasSize(1);

    String[] failedId = new String[1];
    IOException thrown = new IOException("boom");
    assertThatThrownBy(
            () ->
                mlflow.withRun(
                    experimentId,
                    "bad",
                    run -> {
                      failedId[0] = run.getRunId();
                      throw thrown;
                    }))
        .isSameAs(thrown);
    assertThat(mlflow.getRun(failedId[0]).info().status()).isEqualTo(RunStatus.FAILED);

    String scoped;
    try (ActiveRun run = mlflow.startRun(experimentId, "scoped")) {
      scoped = run.getRunId();
      run.logger().logParam("a", "b");
    }
    assertThat(mlflow.getRun(scoped).info().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void pythonClientReadsBackWhatSluiceLogged(@TempDir Path tmp) throws Exception {
    String experimentId = mlflow.createExperiment(unique("python"));
    String runId =
        mlflow.withRun(
            experimentId,
            "py",
            run -> {
              run.logger().logParam("lr", "0.01");
              run.logger().logParam("layers", "3");
              for (int step = 0; step < 50; step++) {
                run.logger().logMetric("loss", 1.0 / (step + 1), 1_000L + step, step);
              }
              return run.getRunId();
            });
    String script =
        """
        import json, sys, mlflow
        c = mlflow.MlflowClient()
        r = c.get_run(sys.argv[1])
        h = c.get_metric_history(sys.argv[1], 'loss')
        print(json.dumps({'params': r.data.params, 'status': r.info.status,
          'loss': [[m.step, m.value] for m in sorted(h, key=lambda m: m.step)]}))\
        """;
    ProcessBuilder builder =
        new ProcessBuilder(MlflowServer.python().toString(), "-c", script, runId);
    builder.environment().put("MLFLOW_TRACKING_URI", MlflowServer.uri());
    // Files, not pipes: a full stderr pipe cannot block the child, and a hung child cannot block
    // the test, which waits a bounded time and then says what the child printed.
    Path stdout = tmp.resolve("stdout.txt");
    Path stderr = tmp.resolve("stderr.txt");
    Process process =
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(PYTHON_CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      ProcessTools.stop(process);
      fail(
          "the Python MLflow client did not finish within "
              + PYTHON_CLIENT_TIMEOUT
              + "; its stderr:\n"
              + ProcessTools.tail(stderr));
    }
    assertThat(process.exitValue())
        .as("exit code; stderr:\n%s", ProcessTools.tail(stderr))
        .isZero();
    String out = Files.readString(stdout);

    Map<?, ?> read =
        io.sluice.mlflow.implementation.Json.MAPPER.readValue(
            out.strip().lines().reduce((a, b) -> b).orElseThrow(), Map.class);
    assertThat(read.get("params")).isEqualTo(Map.of("lr", "0.01", "layers", "3"));
    assertThat(read.get("status")).isEqualTo("FINISHED");
    List<List<Number>> expected = new ArrayList<>();
    for (int step = 0; step < 50; step++) {
      expected.add(List.of(step, 1.0 / (step + 1)));
    }
    assertThat(
            ((List<?>) read.get("loss"))
                .stream().map(Object::toString).collect(Collectors.toList()))
        .isEqualTo(expected.stream().map(Object::toString).collect(Collectors.toList()));
  }
}
