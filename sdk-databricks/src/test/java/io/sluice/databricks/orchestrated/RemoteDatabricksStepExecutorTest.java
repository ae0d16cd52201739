package io.sluice.databricks.orchestrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.service.jobs.SubmitRun;
import com.databricks.sdk.service.jobs.SubmitTask;
import io.sluice.core.ConfigurationException;
import io.sluice.core.Sluice;
import io.sluice.core.orchestrator.IdempotencyKeys;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.databricks.FakeDatabricks;
import io.sluice.databricks.VendorModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteDatabricksStepExecutorTest {
  private static final String SUBMIT = "/api/2.2/jobs/runs/submit";
  private static final String CANCEL = "/api/2.2/jobs/runs/cancel";
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path base;
  private final MockWebServer server = new MockWebServer();
  private FakeDatabricks fake;
  private String url;

  @BeforeEach
  void start() throws Exception {
    System.setProperty(FolderLakeIo.ROOT_PROPERTY, base.resolve("lake").toString());
    fake =
        new FakeDatabricks(TwoNotebooks.TOKEN).timing(200, 600).exitValue("prep", "{\"rows\": 3}");
    server.setDispatcher(fake);
    server.start();
    url = "http://127.0.0.1:" + server.getPort();
    TwoNotebooks.writeSources(base);
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void eachStepIsOneRunsSubmitWithItsIdempotencyKeyAndTheOrchestratorsLocations() {
    PipelineRun run = TwoNotebooks.submit(base, url, "orch-1", DuplicateRunPolicy.REJECT);

    assertThat(run.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(run.steps().get("prep").message()).isEqualTo("{\"rows\": 3}");
    List<FakeDatabricks.Call> submits = fake.calls(SUBMIT);
    assertThat(submits).hasSize(2);
    assertThat(fake.runsStarted()).isEqualTo(2);
    SubmitRun prep = VendorModels.read(SUBMIT, submits.get(0).body(), SubmitRun.class);
    SubmitRun enrich = VendorModels.read(SUBMIT, submits.get(1).body(), SubmitRun.class);
    assertThat(prep.getIdempotencyToken()).isEqualTo(IdempotencyKeys.of("orch-1", "prep"));
    assertThat(enrich.getIdempotencyToken()).isEqualTo(IdempotencyKeys.of("orch-1", "enrich"));
    SubmitTask prepTask = List.copyOf(prep.getTasks()).get(0);
    SubmitTask enrichTask = List.copyOf(enrich.getTasks()).get(0);
    String location =
        "abfss://work@folderlake.dfs.core.windows.net/sluice/runs/orch-1/prep/clean_data";
    assertThat(prepTask.getNotebookTask().getBaseParameters())
        .containsEntry("clean_data", location);
    assertThat(enrichTask.getNotebookTask().getBaseParameters())
        .containsEntry("clean_data", location);
    assertThat(enrichTask.getDependsOn()).isNullOrEmpty();
    assertThat(run.outputs().get("clean_data").toString()).isEqualTo(location);
    assertThat(prepTask.getNewCluster().getSparkConf())
        .containsEntry(
            "fs.azure.account.key.folderlake.dfs.core.windows.net",
            "{{secrets/sluice/lake-account-key}}");
    assertThat(fake.secret("sluice", "lake-account-key")).isEqualTo(TwoNotebooks.LAKE_KEY);
    assertThat(fake.calls())
        .filteredOn(c -> !c.path().equals("/api/2.0/secrets/put"))
        .allSatisfy(
            c -> assertThat(c.body()).doesNotContain(TwoNotebooks.LAKE_KEY, TwoNotebooks.TOKEN));
    assertThat(submits)
        .allSatisfy(
            c -> assertThat(c.body()).doesNotContain(TwoNotebooks.LAKE_KEY, TwoNotebooks.TOKEN));
    List<FakeDatabricks.Call> polls = fake.calls("/api/2.2/jobs/runs/get");
    assertThat(polls).isNotEmpty();
  }

  @Test
  void aScriptStepOnADatabricksComputeIsASparkPythonTaskWithTheOrchestratorsLocationsInArgv() {
    PipelineRun run =
        TwoNotebooks.submit(
            TwoNotebooks.compile(base, url, true), base, "orch-py", DuplicateRunPolicy.REJECT);

    assertThat(run.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(fake.calls(SUBMIT)).hasSize(3);
    SubmitRun score = VendorModels.read(SUBMIT, fake.calls(SUBMIT).get(2).body(), SubmitRun.class);
    SubmitTask task = List.copyOf(score.getTasks()).get(0);
    assertThat(score.getIdempotencyToken()).isEqualTo(IdempotencyKeys.of("orch-py", "score"));
    assertThat(task.getSparkPythonTask().getPythonFile())
        .matches("/Shared/sluice/sources/score/[0-9a-f]{16}/prep.py");
    assertThat(task.getSparkPythonTask().getParameters())
        .containsExactly(
            "--input",
            "abfss://work@folderlake.dfs.core.windows.net/sluice/runs/orch-py/enrich/enriched",
            "--mode",
            "fast",
            // A DATA_PATH parameter is the path as the cluster reads it, as under the databricks
            // transport.
            "--source",
            "abfss://work@folderlake.dfs.core.windows.net/raw/customers.csv");
    assertThat(task.getNewCluster().getSparkConf())
        .containsEntry("spark.databricks.cluster.profile", "singleNode");
  }

  @Test
  void theOrchestratedTransportsDatabricksSettingsReachEveryRunsSubmit() {
    Map<String, String> settings =
        Map.of(
            "databricks.workspaceRoot",
            "/Users/me@example.com/sluice/",
            "databricks.secretScope",
            "team-scope",
            "databricks.scriptSparkVersion",
            "14.3.x-scala2.12",
            "databricks.scriptNodeType",
            "Standard_E4ds_v5",
            "databricks.pollInterval",
            "PT0.05S");
    PipelineRun run =
        TwoNotebooks.submit(
            TwoNotebooks.compile(base, url, true),
            base,
            "orch-set",
            DuplicateRunPolicy.REJECT,
            settings);

    assertThat(run.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    List<SubmitTask> tasks =
        fake.calls(SUBMIT).stream()
            .map(
                c ->
                    List.copyOf(VendorModels.read(SUBMIT, c.body(), SubmitRun.class).getTasks())
                        .get(0))
            .toList();
    assertThat(tasks).hasSize(3);
    assertThat(tasks.get(0).getNotebookTask().getNotebookPath())
        .startsWith("/Users/me@example.com/sluice/sources/");
    assertThat(tasks.get(0).getNewCluster().getSparkConf())
        .containsEntry(
            "fs.azure.account.key.folderlake.dfs.core.windows.net",
            "{{secrets/team-scope/lake-account-key}}");
    assertThat(fake.secret("team-scope", "lake-account-key")).isEqualTo(TwoNotebooks.LAKE_KEY);
    assertThat(fake.secret("sluice", "lake-account-key")).isNull();
    SubmitTask script = tasks.get(2);
    assertThat(script.getSparkPythonTask().getPythonFile())
        .matches("/Users/me@example\\.com/sluice/sources/score/[0-9a-f]{16}/prep.py");
    assertThat(script.getNewCluster().getSparkVersion()).isEqualTo("14.3.x-scala2.12");
    assertThat(script.getNewCluster().getNodeTypeId()).isEqualTo("Standard_E4ds_v5");
    assertThat(fake.workspacePaths())
        .allSatisfy(p -> assertThat(p).startsWith("/Users/me@example.com/sluice"));
  }

  @Test
  void anUnknownDatabricksSettingFailsWhenTheTransportIsMadeNamingKeyValueAndKnownKeys() {
    assertThatThrownBy(
            () ->
                Sluice.transport(
                    "orchestrated",
                    Map.of(
                        "baseDirectory", base.toString(), "databricks.workspaceRot", "/Shared/x")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "orchestrated transport: unknown configuration key 'databricks.workspaceRot' (value '/Shared/x');"
                + " known keys: databricks.host, databricks.maxPollInterval, databricks.maxRetries,"
                + " databricks.pollInterval, databricks.pollIntervalFloor, databricks.profile,"
                + " databricks.retryDelay, databricks.scriptNodeType,"
                + " databricks.scriptSparkVersion, databricks.secretScope, databricks.workspaceRoot");
    assertThatThrownBy(() -> Sluice.transport("orchestrated", Map.of("databricks.submitAs", "job")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "orchestrated transport: databricks.submitAs (value 'job') cannot be set per step");
    assertThatThrownBy(
            () -> Sluice.transport("orchestrated", Map.of("databricks.workspaceRoot", "Shared/x")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "orchestrated transport: databricks.workspaceRoot is 'Shared/x'; use an absolute");
    assertThatThrownBy(() -> Sluice.transport("orchestrated", Map.of("databrick.secretScope", "s")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("unknown configuration key 'databrick.secretScope' (value 's')")
        .hasMessageContaining("known namespaces: databricks");
  }

  @Test
  void withThirtyPercentOfCallsFailingEveryStepIsStillSubmittedOnce() {
    fake.faults(0.3, true);

    PipelineRun run = TwoNotebooks.submit(base, url, "orch-faults", DuplicateRunPolicy.REJECT);

    assertThat(run.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(fake.runsStarted()).isEqualTo(2);
    assertThat(fake.calls(SUBMIT))
        .filteredOn(c -> c.status() == 200 || c.status() == -1)
        .extracting(c -> VendorModels.read(SUBMIT, c.body(), SubmitRun.class).getIdempotencyToken())
        .containsOnly(
            IdempotencyKeys.of("orch-faults", "prep"), IdempotencyKeys.of("orch-faults", "enrich"));
  }

  @Test
  void aFailedStepReportsTheRemoteErrorAndTheRunPageAndSkipsItsDependants() {
    fake.failTask("prep", "ValueError: no rows in input");

    PipelineRun run = TwoNotebooks.submit(base, url, "orch-fail", DuplicateRunPolicy.REJECT);

    assertThatThrownBy(() -> run.waitForCompletion(WAIT))
        .isInstanceOf(PipelineRunException.class)
        .hasMessageContaining("step 'prep' failed")
        .hasMessageContaining("ValueError: no rows in input")
        .hasMessageContaining("https://fake/#job/run/");
    assertThat(run.steps().get("enrich").state()).isEqualTo(StepState.SKIPPED);
    assertThat(fake.calls(SUBMIT)).hasSize(1);
  }

  @Test
  void aFailedStepRunAgainIsANewDatabricksRunUnderTheIdempotencyTokenOfTheNewAttempt() {
    fake.failTask("prep", "ValueError: no rows in input");
    PipelineRun failed = TwoNotebooks.submit(base, url, "orch-again", DuplicateRunPolicy.REJECT);
    assertThatThrownBy(() -> failed.waitForCompletion(WAIT))
        .isInstanceOf(PipelineRunException.class);
    fake.succeedTask("prep");

    PipelineRun again =
        TwoNotebooks.submit(base, url, "orch-again", DuplicateRunPolicy.ALLOW_IF_FAILED);

    assertThat(again.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(fake.runsStarted()).isEqualTo(3);
    assertThat(fake.calls(SUBMIT))
        .extracting(c -> VendorModels.read(SUBMIT, c.body(), SubmitRun.class).getIdempotencyToken())
        .containsExactly(
            IdempotencyKeys.of("orch-again", "prep"),
            IdempotencyKeys.of("orch-again", "prep", 2),
            IdempotencyKeys.of("orch-again", "enrich"));
  }

  @Test
  void cancelingTheRunCancelsTheInFlightDatabricksRunAndEndsCanceled() throws Exception {
    fake.timing(500, 60_000);
    PipelineRun run = TwoNotebooks.submit(base, url, "orch-cancel", DuplicateRunPolicy.REJECT);
    awaitSubmits(1);

    run.cancel();

    assertThatThrownBy(() -> run.waitForCompletion(WAIT)).isInstanceOf(PipelineRunException.class);
    assertThat(run.state()).isEqualTo(RunState.CANCELED);
    assertThat(fake.calls(CANCEL)).isNotEmpty();
    assertThat(fake.calls(CANCEL).get(0).body()).contains(submittedRunId());
    assertThat(run.steps().get("prep").state()).isEqualTo(StepState.CANCELED);
    assertThat(fake.calls(SUBMIT)).hasSize(1);
  }

  @Test
  void anOrchestratorKilledWhileARemoteStepRunsReattachesOnResumeAndSubmitsNothingTwice()
      throws Exception {
    fake.timing(500, 5_000);
    Process runner =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D"
                    + FolderLakeIo.ROOT_PROPERTY
                    + "="
                    + System.getProperty(FolderLakeIo.ROOT_PROPERTY),
                "-cp",
                System.getProperty("java.class.path"),
                TwoNotebooks.class.getName(),
                base.toString(),
                url,
                "orch-kill")
            .inheritIO()
            .start();
    Path journal = base.resolve("sluice-runs/orch-kill/journal.jsonl");
    for (int i = 0;
        i < 600 && !(Files.exists(journal) && Files.readString(journal).contains("\"remoteRun\""));
        i++) {
      Thread.sleep(100);
    }
    assertThat(Files.readString(journal)).contains("\"remoteRun\"");
    runner.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks run
    assertThat(fake.calls(SUBMIT)).hasSize(1);

    PipelineRun resumed = TwoNotebooks.submit(base, url, "orch-kill", DuplicateRunPolicy.RESUME);

    assertThat(resumed.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(fake.calls(SUBMIT)).hasSize(2);
    assertThat(fake.runsStarted()).isEqualTo(2);
    assertThat(fake.calls(SUBMIT))
        .extracting(c -> VendorModels.read(SUBMIT, c.body(), SubmitRun.class).getIdempotencyToken())
        .containsExactly(
            IdempotencyKeys.of("orch-kill", "prep"), IdempotencyKeys.of("orch-kill", "enrich"));
  }

  private void awaitSubmits(int count) throws InterruptedException {
    for (int i = 0; i < 300 && fake.calls(SUBMIT).size() < count; i++) {
      Thread.sleep(100);
    }
    assertThat(fake.calls(SUBMIT)).hasSize(count);
  }

  private String submittedRunId() {
    return fake.calls("/api/2.2/jobs/runs/get").stream()
        .map(FakeDatabricks.Call::query)
        .filter(q -> q != null && q.startsWith("run_id="))
        .map(q -> q.substring("run_id=".length()).split("&", -1)[0])
        .findFirst()
        .orElseThrow();
  }
}
