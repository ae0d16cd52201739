package io.sluice.databricks.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.service.jobs.RepairRun;
import com.databricks.sdk.service.jobs.SubmitRun;
import com.databricks.sdk.service.jobs.SubmitTask;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.core.semantics.DuplicateRunException;
import io.sluice.core.semantics.ParameterValueException;
import io.sluice.core.spi.TransportProvider;
import io.sluice.databricks.FakeDatabricks;
import io.sluice.databricks.FakePolling;
import io.sluice.databricks.VendorModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabricksTransportTest {
  private static final String SUBMIT = "/api/2.2/jobs/runs/submit";
  private static final String REPAIR = "/api/2.2/jobs/runs/repair";

  @TempDir Path base;
  private final MockWebServer server = new MockWebServer();
  private FakeDatabricks fake;
  private PipelineDefinition definition;

  @BeforeEach
  void start() throws Exception {
    fake =
        new FakeDatabricks(SeedShapedPipeline.TOKEN)
            .timing(300, 700)
            .exitValue("prep", "{\"rows\": 3}");
    server.setDispatcher(fake);
    server.start();
    SeedShapedPipeline.writeSources(base, "# clean");
    definition = SeedShapedPipeline.compile(base, "http://127.0.0.1:" + server.getPort());
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private DatabricksTransport transport() {
    return transport(FakePolling.SETTINGS);
  }

  /** The transport with the given polling keys; none for the polling users get. */
  private DatabricksTransport transport(Map<String, String> polling) {
    Map<String, String> settings = new HashMap<>(polling);
    settings.putAll(
        Map.of("baseDirectory", base.toString(), "maxRetries", "8", "retryDelay", "10"));
    return (DatabricksTransport) provider().create(settings);
  }

  private static TransportProvider provider() {
    return ServiceLoader.load(TransportProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("databricks"))
        .findFirst()
        .orElseThrow();
  }

  private static RunOptions options(String runId) {
    return RunOptions.builder().runId(runId).addAllSecrets(SeedShapedPipeline.secrets()).build();
  }

  @Test
  void theSeedPipelineRunsAsOneMultiTaskRunWithStepStatesAndTheNotebookExitValue() {
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    // Polled as users' runs are: the spacing of the polls is checked below.
    DatabricksPipelineRun run =
        (DatabricksPipelineRun)
            transport(Map.of())
                .submit(
                    definition,
                    RunOptions.builder().from(options("seed-1")).addListeners(events::add).build());

    assertThat(run.state()).isIn(RunState.QUEUED, RunState.RUNNING);
    assertThat(run.steps()).containsKeys("prep", "train");
    assertThat(run.waitForCompletion(Duration.ofSeconds(60))).isEqualTo(RunState.COMPLETED);
    assertThat(run.steps().values())
        .extracting(s -> s.state())
        .containsExactly(StepState.COMPLETED, StepState.COMPLETED);
    assertThat(run.getExitValue("prep")).contains("{\"rows\": 3}");
    assertThat(run.steps().get("prep").message()).isEqualTo("{\"rows\": 3}");
    assertThat(run.outputs()).containsKeys("clean_data", "model");
    assertThat(run.outputs().get("clean_data").toString())
        .isEqualTo(
            "abfss://work@sluicelake.dfs.core.windows.net/sluice/runs/seed-1/prep/clean_data");
    assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(RunEvent.StepStateChanged.class));
    assertThat(fake.runsStarted()).isEqualTo(1);
    assertThat(fake.secret("sluice", "lake-account-key")).isEqualTo(SeedShapedPipeline.LAKE_KEY);
    // Reading state right after submission and then waiting still costs one status request per 2 s.
    // The run spaces the polls it sends; the fake sees them arrive with the jitter of each trip,
    // a few milliseconds either way when idle and more on a loaded machine.
    List<FakeDatabricks.Call> polls = fake.calls("/api/2.2/jobs/runs/get");
    for (int i = 1; i < polls.size(); i++) {
      assertThat(polls.get(i).atMillis() - polls.get(i - 1).atMillis())
          .isGreaterThanOrEqualTo(1900);
    }
  }

  @Test
  void theCompiledRunsSubmitBodyIsAVendorSubmitRunWithV1Widgets() {
    transport().submit(definition, options("seed-2")).waitForCompletion(Duration.ofSeconds(60));

    assertThat(VendorModels.checkAll(fake.calls())).isGreaterThanOrEqualTo(6);
    String body = fake.calls(SUBMIT).get(0).body();
    SubmitRun submit = VendorModels.read(SUBMIT, body, SubmitRun.class);
    assertThat(submit.getIdempotencyToken())
        .isEqualTo("sluice.seed-2")
        .hasSizeLessThanOrEqualTo(64);
    List<SubmitTask> tasks = List.copyOf(submit.getTasks());
    SubmitTask prep = tasks.get(0);
    SubmitTask train = tasks.get(1);
    assertThat(prep.getTaskKey()).isEqualTo("prep");
    assertThat(prep.getNotebookTask().getNotebookPath())
        .matches("/Shared/sluice/sources/prep/[0-9a-f]{16}/prep");
    assertThat(prep.getNotebookTask().getBaseParameters())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "raw_data", "wasbs://landing@sluicedata.blob.core.windows.net/customers.csv",
                "clean_data",
                    "abfss://work@sluicelake.dfs.core.windows.net/sluice/runs/seed-2/prep/clean_data"));
    assertThat(prep.getNewCluster().getNumWorkers()).isEqualTo(2L);
    assertThat(prep.getNewCluster().getSparkConf())
        .containsEntry(
            "fs.azure.account.key.sluicelake.dfs.core.windows.net",
            "{{secrets/sluice/lake-account-key}}")
        .containsEntry(
            "fs.azure.account.key.sluicedata.blob.core.windows.net",
            "{{secrets/sluice/raw-account-key}}");
    assertThat(train.getDependsOn()).extracting(d -> d.getTaskKey()).containsExactly("prep");
    assertThat(train.getSparkPythonTask().getPythonFile())
        .matches("/Shared/sluice/sources/train/[0-9a-f]{16}/train.py");
    assertThat(train.getSparkPythonTask().getParameters())
        .containsExactly(
            "--input",
                "abfss://work@sluicelake.dfs.core.windows.net/sluice/runs/seed-2/prep/clean_data",
            "--output",
                "abfss://work@sluicelake.dfs.core.windows.net/sluice/runs/seed-2/train/model",
            "--n-estimators", "200");
    assertThat(train.getNewCluster().getNumWorkers()).isEqualTo(0L);
    assertThat(train.getNewCluster().getSparkConf())
        .containsEntry("spark.databricks.cluster.profile", "singleNode");
    assertThat(train.getLibraries())
        .extracting(l -> l.getPypi().getPackage())
        .containsExactly("scikit-learn==1.5.2", "pandas==2.2.3");
    assertThat(body)
        .doesNotContain(
            SeedShapedPipeline.LAKE_KEY, SeedShapedPipeline.BLOB_KEY, SeedShapedPipeline.TOKEN);
  }

  @Test
  void aFailingTaskFailsTheRunWithItsError() {
    fake.failTask("prep", "AnalysisException: [PATH_NOT_FOUND] Path does not exist");
    var run = transport().submit(definition, options("seed-3"));

    assertThatThrownBy(() -> run.waitForCompletion(Duration.ofSeconds(60)))
        .isInstanceOf(PipelineRunException.class)
        .hasMessageContaining("ended FAILED")
        .hasMessageContaining(
            "step 'prep' failed: FAILED: AnalysisException: [PATH_NOT_FOUND] Path does not exist")
        .hasMessageNotContaining(SeedShapedPipeline.TOKEN);
    assertThat(run.state()).isEqualTo(RunState.FAILED);
    assertThat(run.steps().get("prep").state()).isEqualTo(StepState.FAILED);
    assertThat(run.steps().get("train").state()).isEqualTo(StepState.SKIPPED);
    assertThat(run.outputs()).isEmpty();
  }

  @Test
  void underThrottlingErrorsAndAResetSubmitExactlyOneRunStarts() {
    fake.faults(0.3, true);
    var run = transport().submit(definition, options("seed-4"));

    assertThat(run.waitForCompletion(Duration.ofMinutes(2))).isEqualTo(RunState.COMPLETED);
    assertThat(fake.runsStarted()).isEqualTo(1);
    assertThat(fake.calls(SUBMIT).size()).isGreaterThanOrEqualTo(2);
    assertThat(fake.calls()).anySatisfy(c -> assertThat(c.status()).isEqualTo(429));
    assertThat(fake.calls()).anySatisfy(c -> assertThat(c.status()).isEqualTo(503));
    // A 429's Retry-After of 1 s is honoured before the same call is sent again.
    List<FakeDatabricks.Call> calls = fake.calls();
    for (int i = 0; i + 1 < calls.size(); i++) {
      if (calls.get(i).status() == 429) {
        assertThat(calls.get(i + 1).atMillis() - calls.get(i).atMillis())
            .isGreaterThanOrEqualTo(900);
      }
    }
    assertThat(fake.calls(SUBMIT))
        .extracting(c -> VendorModels.read(SUBMIT, c.body(), SubmitRun.class).getIdempotencyToken())
        .containsOnly("sluice.seed-4");
  }

  @Test
  void sourcesAreUploadedOnlyWhenTheirFingerprintChanged() throws Exception {
    transport().submit(definition, options("seed-5")).waitForCompletion(Duration.ofSeconds(60));
    int firstImports = fake.calls("/api/2.0/workspace/import").size();
    transport().submit(definition, options("seed-6")).waitForCompletion(Duration.ofSeconds(60));
    assertThat(fake.calls("/api/2.0/workspace/import")).hasSize(firstImports);

    SeedShapedPipeline.writeSources(base, "# clean, now dropping nulls");
    PipelineDefinition changed =
        SeedShapedPipeline.compile(base, "http://127.0.0.1:" + server.getPort());
    transport().submit(changed, options("seed-7")).waitForCompletion(Duration.ofSeconds(60));
    List<String> imported =
        fake.calls("/api/2.0/workspace/import").stream()
            .skip(firstImports)
            .map(
                c ->
                    VendorModels.read(
                            c.path(), c.body(), com.databricks.sdk.service.workspace.Import.class)
                        .getPath())
            .toList();
    assertThat(imported).isNotEmpty().allMatch(p -> p.startsWith("/Shared/sluice/sources/prep/"));
  }

  @Test
  void asASavedJobTasksWithEqualClusterSpecsShareOneJobCluster() throws Exception {
    Map<String, String> settings = new HashMap<>(FakePolling.SETTINGS);
    settings.putAll(Map.of("baseDirectory", base.toString(), "submitAs", "job"));
    var transport = provider().create(settings);
    PipelineDefinition twoNotebooks =
        SeedShapedPipeline.compileTwoNotebooks(base, "http://127.0.0.1:" + server.getPort());
    var run = transport.submit(twoNotebooks, options("seed-9"));

    assertThat(run.waitForCompletion(Duration.ofSeconds(60))).isEqualTo(RunState.COMPLETED);
    com.databricks.sdk.service.jobs.CreateJob job =
        VendorModels.read(
            "/api/2.2/jobs/create",
            fake.calls("/api/2.2/jobs/create").get(0).body(),
            com.databricks.sdk.service.jobs.CreateJob.class);
    assertThat(job.getJobClusters()).hasSize(2);
    assertThat(job.getTasks())
        .extracting(t -> t.getJobClusterKey())
        .containsExactly("cluster_1", "cluster_1", "cluster_2");
    assertThat(
            VendorModels.read(
                    "/api/2.2/jobs/run-now",
                    fake.calls("/api/2.2/jobs/run-now").get(0).body(),
                    com.databricks.sdk.service.jobs.RunNow.class)
                .getIdempotencyToken())
        .isEqualTo("sluice.seed-9");
    assertThat(fake.runsStarted()).isEqualTo(1);
  }

  @Test
  void resumingTheSameRunIdReattachesToTheRunningJobRun() {
    DatabricksPipelineRun first =
        (DatabricksPipelineRun) transport().submit(definition, options("seed-12"));
    DatabricksPipelineRun again =
        (DatabricksPipelineRun)
            transport()
                .submit(
                    definition,
                    RunOptions.builder()
                        .from(options("seed-12"))
                        .duplicateRunPolicy(DuplicateRunPolicy.RESUME)
                        .build());

    assertThat(again.getDatabricksRunId()).isEqualTo(first.getDatabricksRunId());
    assertThat(again.waitForCompletion(Duration.ofSeconds(60))).isEqualTo(RunState.COMPLETED);
    assertThat(fake.runsStarted()).isEqualTo(1);
  }

  @Test
  void resumingAFailedRunRepairsItAndRerunsOnlyTheTasksThatDidNotSucceed() {
    fake.failTask("train", "flaky");
    var failed = transport().submit(definition, options("seed-16"));
    assertThatThrownBy(() -> failed.waitForCompletion(Duration.ofSeconds(60)))
        .isInstanceOf(PipelineRunException.class);
    RunOptions resume =
        RunOptions.builder()
            .from(options("seed-16"))
            .duplicateRunPolicy(DuplicateRunPolicy.RESUME)
            .build();

    var stillFailing = transport().submit(definition, resume);
    assertThatThrownBy(() -> stillFailing.waitForCompletion(Duration.ofSeconds(60)))
        .isInstanceOf(PipelineRunException.class);
    fake.succeedTask("train");
    DatabricksPipelineRun repaired = (DatabricksPipelineRun) transport().submit(definition, resume);

    assertThat(repaired.waitForCompletion(Duration.ofSeconds(60))).isEqualTo(RunState.COMPLETED);
    assertThat(repaired.getDatabricksRunId())
        .isEqualTo(((DatabricksPipelineRun) failed).getDatabricksRunId());
    assertThat(repaired.steps().get("prep").state()).isEqualTo(StepState.REUSED);
    assertThat(repaired.steps().get("train").state()).isEqualTo(StepState.COMPLETED);
    assertThat(repaired.getExitValue("prep")).contains("{\"rows\": 3}");
    assertThat(repaired.outputs()).containsKeys("clean_data", "model");
    assertThat(fake.runsStarted()).isEqualTo(1);
    assertThat(fake.startedTasks("prep")).hasSize(1);
    assertThat(fake.startedTasks("train")).hasSize(3);
    List<RepairRun> repairs =
        fake.calls(REPAIR).stream()
            .map(c -> VendorModels.read(REPAIR, c.body(), RepairRun.class))
            .toList();
    assertThat(repairs).extracting(RepairRun::getRunId).containsOnly(repaired.getDatabricksRunId());
    assertThat(repairs)
        .extracting(r -> List.copyOf(r.getRerunTasks()))
        .containsOnly(List.of("train"));
    // Every repair after the first names the one before; the fake refuses it otherwise.
    assertThat(repairs).extracting(RepairRun::getLatestRepairId).first().isNull();
    assertThat(repairs.get(1).getLatestRepairId()).isNotNull();
  }

  @Test
  void resumingACompletedRunReportsItAsItIsWithoutARepair() {
    transport().submit(definition, options("seed-17")).waitForCompletion(Duration.ofSeconds(60));
    var again =
        transport()
            .submit(
                definition,
                RunOptions.builder()
                    .from(options("seed-17"))
                    .duplicateRunPolicy(DuplicateRunPolicy.RESUME)
                    .build());

    assertThat(again.waitForCompletion(Duration.ofSeconds(60))).isEqualTo(RunState.COMPLETED);
    assertThat(again.steps().values()).extracting(s -> s.state()).containsOnly(StepState.COMPLETED);
    assertThat(fake.calls(REPAIR)).isEmpty();
    assertThat(fake.startedTasks("train")).hasSize(1);
  }

  @Test
  void stepsThatStartAndEndBetweenTwoPollsStillReportRunningFirstInStepOrder() {
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    fake.timing(100, 200);
    // Polled as users' runs are, every 2 s: both steps start and end between two polls.
    var run =
        transport(Map.of())
            .submit(
                definition,
                RunOptions.builder().from(options("seed-18")).addListeners(events::add).build());

    assertThat(run.waitForCompletion(Duration.ofSeconds(60))).isEqualTo(RunState.COMPLETED);
    List<String> steps =
        events.stream()
            .filter(RunEvent.StepStateChanged.class::isInstance)
            .map(e -> ((RunEvent.StepStateChanged) e).status())
            .map(s -> s.step() + " " + s.state())
            .toList();
    assertThat(steps)
        .containsExactly("prep RUNNING", "prep COMPLETED", "train RUNNING", "train COMPLETED");
  }

  @Test
  void aRunIdThatNamesAnEarlierRunIsRejectedByDefaultBeforeAnythingIsUploaded() {
    transport().submit(definition, options("seed-13")).waitForCompletion(Duration.ofSeconds(60));
    int calls = fake.calls().size();

    assertThatThrownBy(() -> transport().submit(definition, options("seed-13")))
        .isInstanceOf(DuplicateRunException.class)
        .hasMessageStartingWith(
            "Run 'seed-13' already exists and ended COMPLETED; duplicateRunPolicy REJECT refuses it.");
    assertThat(fake.calls().subList(calls, fake.calls().size()))
        .extracting(c -> c.path())
        .containsOnly("/api/2.2/jobs/runs/list");
    assertThat(fake.runsStarted()).isEqualTo(1);
  }

  @Test
  void allowIfFailedStartsAFailedRunAgainUnderANewToken() {
    fake.failTask("prep", "flaky");
    var failed = transport().submit(definition, options("seed-14"));
    assertThatThrownBy(() -> failed.waitForCompletion(Duration.ofSeconds(60)))
        .isInstanceOf(PipelineRunException.class);
    RunOptions allowIfFailed =
        RunOptions.builder()
            .from(options("seed-14"))
            .duplicateRunPolicy(DuplicateRunPolicy.ALLOW_IF_FAILED)
            .build();

    transport().submit(definition, allowIfFailed);

    assertThat(fake.runsStarted()).isEqualTo(2);
    assertThat(fake.calls(SUBMIT))
        .extracting(c -> VendorModels.read(SUBMIT, c.body(), SubmitRun.class).getIdempotencyToken())
        .hasSize(2)
        .doesNotHaveDuplicates()
        .startsWith("sluice.seed-14");
  }

  @Test
  void aWronglyTypedParameterIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(
            () ->
                transport()
                    .submit(
                        definition,
                        RunOptions.builder()
                            .from(options("seed-15"))
                            .putParameter("n_estimators", "many")
                            .build()))
        .isInstanceOf(ParameterValueException.class)
        .hasMessageStartingWith(
            "Parameter 'n_estimators' is INTEGER but was given 'many' (String)");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void waitingGivesUpAtTheDeadlineAndTheRunGoesOn() {
    fake.timing(5000, 5000);
    var run = transport().submit(definition, options("seed-11"));
    assertThatThrownBy(() -> run.waitForCompletion(Duration.ofMillis(2500)))
        .isInstanceOf(io.sluice.core.run.RunTimeoutException.class)
        .hasMessageContaining("it goes on");
    run.cancel();
    assertThat(fake.calls("/api/2.2/jobs/runs/cancel")).hasSize(1);
  }

  @Test
  void unknownOrMalformedConfigurationIsRefusedWithTheFix() {
    assertThatThrownBy(() -> DatabricksTransport.create(Map.of("dataroot", "dbfs:/x")))
        .hasMessageContaining("unknown configuration key 'dataroot'")
        .hasMessageContaining("dataRoot");
    assertThatThrownBy(() -> DatabricksTransport.create(Map.of("dataRoot", "s3://bucket")))
        .hasMessageContaining(
            "use dbfs:/..., /Volumes/<catalog>/<schema>/<volume>/..., abfss://... or wasbs://...");
    assertThatThrownBy(() -> DatabricksTransport.create(Map.of("submitAs", "batch")))
        .hasMessageContaining("use run");
  }

  @Test
  void aDataRootOnAVolumeHoldsTheIntermediateData() {
    Map<String, String> settings = new HashMap<>(FakePolling.SETTINGS);
    settings.putAll(
        Map.of("baseDirectory", base.toString(), "dataRoot", "/Volumes/main/ml/scratch/"));
    var transport = DatabricksTransport.create(settings);
    var run = transport.submit(definition, options("seed-10"));
    run.waitForCompletion(Duration.ofSeconds(60));
    assertThat(run.outputs().get("model").toString())
        .isEqualTo("/Volumes/main/ml/scratch/sluice/runs/seed-10/train/model");
  }

  @Test
  void noTokenOrStorageKeyReachesTheLogs() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      fake.faults(0.2, false).failTask("train", "boom " + SeedShapedPipeline.TOKEN);
      var run = transport().submit(definition, options("seed-8"));
      assertThatThrownBy(() -> run.waitForCompletion(Duration.ofSeconds(60)))
          .isInstanceOf(PipelineRunException.class)
          .hasMessageNotContaining(SeedShapedPipeline.TOKEN);
    } finally {
      System.setErr(original);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).contains("--> POST").contains("/api/2.0/secrets/put");
    assertThat(logs)
        .doesNotContain(
            SeedShapedPipeline.TOKEN, SeedShapedPipeline.LAKE_KEY, SeedShapedPipeline.BLOB_KEY);
  }
}
