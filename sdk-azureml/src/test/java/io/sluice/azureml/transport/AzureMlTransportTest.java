package io.sluice.azureml.transport;

import static io.sluice.azureml.ArmMock.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.azureml.ArmMock;
import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.AmlCompute;
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
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.core.semantics.DuplicateRunException;
import io.sluice.core.semantics.ParameterValueException;
import io.sluice.core.spi.TransportProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed pipeline's script half, built here as the seed builds it (a tabular dataset on a blob
 * datastore, intermediate data, an AmlCompute, an environment, an integer parameter), compiled and
 * submitted to a MockWebServer standing in for ARM; every request, the pipeline job included and
 * each of its children as a {@code CommandJob}, is checked against the swagger on close.
 */
class AzureMlTransportTest {
  static final PipelineParameter<Integer> N_ESTIMATORS = PipelineParameter.of("n_estimators", 200);
  static final ObjectMapper JSON = new ObjectMapper();
  static final Secret RAW_KEY = Secret.of("raw-key", "CANARY-account-key-0123456789");

  static Pipeline seedScripts() {
    AzureBlobDatastore raw =
        AzureBlobDatastore.builder()
            .name("rawblob")
            .accountName("sluiceraw")
            .containerName("raw")
            .credential(DatastoreCredential.accountKey(RAW_KEY))
            .build();
    AmlCompute cpu =
        AmlCompute.builder().name("cpu-cluster").vmSize("Standard_DS3_v2").maxNodes(2).build();
    Environment env = Environment.of("churn-train", "scikit-learn==1.9.1", "pandas==3.1.1");
    TabularDataset customers = TabularDataset.fromDelimitedFiles(raw.path("customers.csv"));
    PipelineData clean = PipelineData.of("clean_data");
    PipelineData model = PipelineData.of("model");
    PythonScriptStep prep =
        PythonScriptStep.builder()
            .name("prep")
            .sourceDirectory("prep")
            .scriptName("prep.py")
            .environment(env)
            .computeTarget(cpu)
            .addInputs(customers.asNamedInput("raw_data"))
            .addOutput(clean)
            .arguments("--input", customers.asNamedInput("raw_data"), "--output", clean)
            .build();
    PythonScriptStep train =
        PythonScriptStep.builder()
            .name("train")
            .sourceDirectory("train")
            .scriptName("train.py")
            .environment(env)
            .computeTarget(cpu)
            .addInput(clean)
            .addOutput(model)
            .arguments("--input", clean, "--output", model, "--n-estimators", N_ESTIMATORS)
            .build();
    return Pipeline.builder().name("churn-seed").defaultDatastore(raw).steps(prep, train).build();
  }

  static PipelineDefinition compile(Path dir, Pipeline pipeline) throws Exception {
    Files.createDirectories(dir.resolve("prep"));
    Files.createDirectories(dir.resolve("train"));
    Files.writeString(dir.resolve("prep/prep.py"), "print('prep')\n");
    Files.writeString(dir.resolve("train/train.py"), "print('train')\n");
    Files.writeString(dir.resolve("train/.amlignore"), "*.tmp\n");
    Files.writeString(dir.resolve("train/scratch.tmp"), "not uploaded\n");
    return PipelineCompiler.compile(pipeline, dir);
  }

  static void replyAssets(ArmMock mock, String step) {
    mock.reply(404, "{\"error\":{\"code\":\"UserError\",\"message\":\"not found\"}}");
    mock.reply(
        200,
        "{\"blobReferenceForConsumption\":{\"blobUri\":\"https://ws.blob.core"
            + ".windows.net/azureml-blobstore/LocalUpload/"
            + step
            + "\",\"credential\":{"
            + "\"credentialType\":\"SAS\",\"sasUri\":\"https://ws.blob.core.windows.net/"
            + "azureml-blobstore/LocalUpload/"
            + step
            + "?sv=2024&sig=CANARYSIG\"}},"
            + "\"pendingUploadId\":\"x\",\"pendingUploadType\":\"TemporaryBlobReference\"}");
    mock.reply(
        201,
        "{\"id\":\""
            + WS
            + "/codes/churn-seed-"
            + step
            + "/versions/v1\","
            + "\"name\":\"v1\",\"properties\":{\"codeUri\":\"https://ws/x\"}}");
    mock.reply(
        201,
        "{\"id\":\""
            + WS
            + "/environments/churn-train/versions/e1\","
            + "\"name\":\"e1\",\"properties\":{\"image\":\"img\"}}");
  }

  @Test
  void submitsTheSeedScriptStepsAsOnePipelineJob(@TempDir Path dir) throws Exception {
    PipelineDefinition definition = compile(dir, seedScripts());
    try (ArmMock mock = new ArmMock()) {
      // The run id is given, so the transport first checks that no job has that name.
      mock.reply(404, "{\"error\":{\"code\":\"UserError\",\"message\":\"no such job\"}}");
      // The workspace lacks the pipeline's blob datastore, so the transport registers it.
      mock.reply(404, "{\"error\":{\"code\":\"UserError\",\"message\":\"no datastore\"}}");
      mock.reply(201, "{\"name\":\"rawblob\",\"properties\":{\"datastoreType\":\"AzureBlob\"}}");
      replyAssets(mock, "prep");
      replyAssets(mock, "train");
      mock.reply(
          201,
          "{\"id\":\""
              + WS
              + "/jobs/run-1\",\"name\":\"run-1\",\"properties\":{"
              + "\"jobType\":\"Pipeline\",\"status\":\"NotStarted\"}}");
      AzureMlTransport transport =
          new AzureMlTransport(mock.client(), dir, null, Duration.ofMillis(10));

      PipelineRun run =
          transport.submit(
              definition,
              RunOptions.builder()
                  .runId("run-1")
                  .putParameter("n_estimators", 300)
                  .addSecrets(RAW_KEY)
                  .build());

      assertThat(run.id()).isEqualTo("run-1");
      assertThat(mock.uploads).hasSize(2);
      assertThat(mock.uploads.get(1).getValue()).containsOnlyKeys(".amlignore", "train.py");
      RecordedRequest put =
          mock.all().stream()
              .filter(r -> r.getMethod().equals("PUT") && r.getPath().contains("/jobs/run-1"))
              .findFirst()
              .orElseThrow();
      JsonNode p = JSON.readTree(put.getBody().clone().readUtf8()).get("properties");
      assertThat(p.get("jobType").asText()).isEqualTo("Pipeline");
      assertThat(p.get("inputs").get("n_estimators").get("value").asText()).isEqualTo("300");
      JsonNode prep = p.get("jobs").get("prep");
      JsonNode train = p.get("jobs").get("train");
      assertThat(prep.get("computeId").asText()).isEqualTo(WS + "/computes/cpu-cluster");
      assertThat(prep.get("codeId").asText()).isEqualTo(WS + "/codes/churn-seed-prep/versions/v1");
      assertThat(prep.get("environmentId").asText())
          .isEqualTo(WS + "/environments/churn-train/versions/e1");
      assertThat(prep.get("inputs").get("raw_data").get("uri").asText())
          .isEqualTo("azureml://datastores/rawblob/paths/customers.csv");
      assertThat(prep.get("outputs").get("clean_data").get("uri").asText())
          .isEqualTo("azureml://datastores/rawblob/paths/sluice/runs/run-1/prep/clean_data/");
      assertThat(train.get("inputs").get("clean_data").get("value").asText())
          .isEqualTo("${{parent.jobs.prep.outputs.clean_data}}");
      assertThat(train.get("inputs").get("n_estimators").get("value").asText())
          .isEqualTo("${{parent.inputs.n_estimators}}");
      assertThat(train.get("command").asText())
          .isEqualTo(
              "python train.py --input"
                  + " '${{inputs.clean_data}}' --output '${{outputs.model}}' --n-estimators"
                  + " '${{inputs.n_estimators}}'");
      assertThat(put.getBody().clone().readUtf8()).doesNotContain("CANARY");
    }
  }

  @Test
  void datastoreSecretsComeFromTheRunOptionsWhenTheDefinitionHoldsOnlyReferences(@TempDir Path dir)
      throws Exception {
    PipelineDefinition definition =
        PipelineDefinition.fromJson(compile(dir, seedScripts()).toJson());
    String key = "CANARY-from-run-options-0123456789";
    try (ArmMock mock = new ArmMock()) {
      AzureMlTransport transport =
          new AzureMlTransport(mock.client(), dir, null, Duration.ofMillis(10));
      mock.reply(404, "{\"error\":{\"code\":\"UserError\",\"message\":\"no datastore\"}}");
      assertThatThrownBy(() -> transport.submit(definition, RunOptions.defaults()))
          .isInstanceOf(AzureMlTransportException.class)
          .hasMessageContaining("Secret 'raw-key' has no value in this run")
          .hasMessageContaining("addSecrets(Secret.of(\"raw-key\", value))");

      mock.reply(404, "{\"error\":{\"code\":\"UserError\",\"message\":\"no datastore\"}}");
      mock.reply(400, "{\"error\":{\"code\":\"UserError\",\"message\":\"stop here\"}}");
      assertThatThrownBy(
              () ->
                  transport.submit(
                      definition,
                      RunOptions.builder().addSecrets(Secret.of("raw-key", key)).build()))
          .isInstanceOf(io.sluice.azureml.AzureMlBadRequestException.class);
      RecordedRequest register = mock.all().get(2);
      assertThat(register.getMethod()).isEqualTo("PUT");
      assertThat(register.getBody().clone().readUtf8()).contains(key);
    }
  }

  @Test
  void mapsChildJobStatesToStepStates(@TempDir Path dir) throws Exception {
    PipelineDefinition definition = compile(dir, seedScripts());
    try (ArmMock mock = new ArmMock()) {
      mock.reply(
          200,
          "{\"name\":\"run-2\",\"properties\":{\"jobType\":\"Pipeline\","
              + "\"status\":\"Running\"}}");
      mock.reply(
          200,
          "{\"name\":\"run-2\",\"properties\":{\"jobType\":\"Pipeline\","
              + "\"status\":\"Running\"}}");
      mock.reply(
          200,
          "{\"name\":\"run-2\",\"properties\":{\"jobType\":\"Pipeline\","
              + "\"status\":\"Running\"}}");
      mock.reply(
          200,
          "{\"value\":[{\"runId\":\"c1\",\"displayName\":\"prep\",\"status\":"
              + "\"Completed\",\"properties\":{\"azureml.isreused\":\"true\"}},{\"runId\":\"c2\","
              + "\"displayName\":\"train\",\"status\":\"Running\"}]}");
      mock.reply(
          200,
          "{\"name\":\"run-2\",\"properties\":{\"jobType\":\"Pipeline\","
              + "\"status\":\"Failed\"}}");
      mock.reply(
          200,
          "{\"value\":[{\"runId\":\"c1\",\"displayName\":\"prep\",\"status\":"
              + "\"Completed\"},{\"runId\":\"c2\",\"displayName\":\"train\",\"status\":\"Failed\","
              + "\"error\":{\"error\":{\"message\":\"ValueError: bad input\"}}}]}");
      AzureMlPipelineRun run =
          new AzureMlPipelineRun(
              mock.client(),
              definition,
              "run-2",
              "run-2",
              java.util.Map.of(),
              Duration.ofMillis(5),
              java.util.List.of());

      assertThat(run.state()).isEqualTo(RunState.RUNNING);
      assertThatThrownBy(() -> run.waitForCompletion(Duration.ofSeconds(5)))
          .isInstanceOf(PipelineRunException.class)
          .hasMessageContaining("step 'train' failed: ValueError: bad input")
          .satisfies(
              e -> assertThat(((PipelineRunException) e).state()).isEqualTo(RunState.FAILED));
    }
  }

  @Test
  void reusedChildIsReportedAsReused() {
    io.sluice.azureml.models.Job child =
        new io.sluice.azureml.models.Job(
            "",
            "c",
            "Command",
            io.sluice.azureml.models.JobStatus.COMPLETED,
            "prep",
            null,
            null,
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Map.of("azureml.isreused", "true"));
    assertThat(AzureMlPipelineRun.stepState(child)).isEqualTo(StepState.REUSED);
  }

  @Test
  void aWronglyTypedParameterIsRefusedBeforeAnyRequest(@TempDir Path dir) throws Exception {
    PipelineDefinition definition = compile(dir, seedScripts());
    try (ArmMock mock = new ArmMock()) {
      AzureMlTransport transport =
          new AzureMlTransport(mock.client(), dir, null, Duration.ofMillis(10));

      assertThatThrownBy(
              () ->
                  transport.submit(
                      definition,
                      RunOptions.builder()
                          .runId("run-1")
                          .putParameter("n_estimators", 2.5)
                          .build()))
          .isInstanceOf(ParameterValueException.class)
          .hasMessageStartingWith(
              "Parameter 'n_estimators' is INTEGER but was given '2.5' (Double)");
      assertThat(mock.all()).isEmpty();
    }
  }

  @Test
  void aRunIdNamingAJobFollowsTheDuplicateRunPolicyOnItsLatestAttempt(@TempDir Path dir)
      throws Exception {
    PipelineDefinition definition = compile(dir, seedScripts());
    String job =
        "{\"id\":\""
            + WS
            + "/jobs/%s\",\"name\":\"%s\",\"properties\":{"
            + "\"jobType\":\"Pipeline\",\"status\":\"%s\"}}";
    String missing = "{\"error\":{\"code\":\"UserError\",\"message\":\"no such job\"}}";
    try (ArmMock mock = new ArmMock()) {
      mock.reply(200, job.formatted("run-1", "run-1", "Completed"));
      mock.reply(404, missing);
      mock.reply(200, job.formatted("run-1", "run-1", "Failed"));
      mock.reply(200, job.formatted("run-1_attempt2", "run-1_attempt2", "Completed"));
      mock.reply(404, missing);
      AzureMlTransport transport =
          new AzureMlTransport(mock.client(), dir, null, Duration.ofMillis(10));

      assertThatThrownBy(
              () -> transport.submit(definition, RunOptions.builder().runId("run-1").build()))
          .isInstanceOf(DuplicateRunException.class)
          .hasMessageStartingWith(
              "Run 'run-1' already exists and ended COMPLETED; duplicateRunPolicy REJECT");
      // The first attempt failed, the second completed: the run completed, so it does not run
      // again.
      assertThatThrownBy(
              () ->
                  transport.submit(
                      definition,
                      RunOptions.builder()
                          .runId("run-1")
                          .duplicateRunPolicy(DuplicateRunPolicy.ALLOW_IF_FAILED)
                          .build()))
          .isInstanceOf(DuplicateRunException.class)
          .hasMessageStartingWith(
              "Run 'run-1' already exists and ended COMPLETED; duplicateRunPolicy ALLOW_IF_FAILED");
      assertThat(mock.all())
          .allSatisfy(r -> assertThat(r.getMethod()).isEqualTo("GET"))
          .extracting(r -> r.getRequestUrl().encodedPath().replaceAll(".*/jobs/", ""))
          .containsExactly("run-1", "run-1_attempt2", "run-1", "run-1_attempt2", "run-1_attempt3");
    }
  }

  @Test
  void refusesDatabricksStepsNamingTheOrchestratedTransport(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("notebooks"));
    Files.writeString(dir.resolve("notebooks/prep.py"), "# Databricks notebook source\n");
    PipelineData clean = PipelineData.of("clean_data");
    DatabricksStep prep =
        DatabricksStep.builder()
            .name("prep")
            .sourceDirectory("notebooks")
            .notebookPath("prep")
            .addOutput(clean)
            .computeTarget(DatabricksCompute.of("dbx"))
            .build();
    PipelineDefinition definition =
        PipelineCompiler.compile(
            Pipeline.builder()
                .name("mixed")
                .defaultDatastore(seedScripts().defaultDatastore().get())
                .steps(prep)
                .build(),
            dir);
    try (ArmMock mock = new ArmMock()) {
      AzureMlTransport transport =
          new AzureMlTransport(mock.client(), dir, "cpu", Duration.ofMillis(10));
      assertThatThrownBy(() -> transport.submit(definition, RunOptions.defaults()))
          .isInstanceOf(AzureMlTransportException.class)
          .hasMessageContaining("step 'prep' is a DatabricksStep")
          .hasMessageContaining("'orchestrated' transport");
      assertThat(mock.all()).isEmpty();
    }
  }

  @Test
  void datasetPathsBecomeFilesOrFolders() {
    assertThat(PipelineJobCompiler.isFolder("raw/customers.csv", false)).isFalse();
    assertThat(PipelineJobCompiler.isFolder("raw/", false)).isTrue();
    assertThat(PipelineJobCompiler.isFolder("raw/2026", true)).isTrue();
    assertThat(PipelineJobCompiler.isFolder("raw/*.csv", false)).isTrue();
    assertThat(PipelineJobCompiler.folderOf("raw/*.csv")).isEqualTo("raw/");
    assertThat(PipelineJobCompiler.folderOf("raw/2026")).isEqualTo("raw/2026/");
  }

  @Test
  void isFoundThroughServiceLoader() {
    assertThat(ServiceLoader.load(TransportProvider.class).stream().map(p -> p.get().name()))
        .contains("azureml");
  }
}
