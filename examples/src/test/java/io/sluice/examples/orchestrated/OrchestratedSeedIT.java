package io.sluice.examples.orchestrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.service.jobs.SubmitRun;
import io.sluice.azureml.FakeAzureMl;
import io.sluice.azureml.datastore.BlobDatastoreIo;
import io.sluice.azureml.orchestrated.FakeWorkspaces;
import io.sluice.core.compiler.ModelTranslation;
import io.sluice.core.orchestrator.IdempotencyKeys;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.databricks.FakeDatabricks;
import io.sluice.databricks.VendorModels;
import io.sluice.testing.azurite.AzuriteExtension;
import io.sluice.testing.azurite.AzuriteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 7's acceptance: the seed pipeline across a fake Databricks workspace and a fake Azure ML
 * API, with Azurite as the shared datastore, under the {@code orchestrated} transport.
 */
// Beside the module's other classes, since its tests mostly wait for the fakes; one test at a time,
// since they all run the seed sources, whose runs reach their stand-in ARM by that folder.
@ExtendWith(AzuriteExtension.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("seed sources")
class OrchestratedSeedIT {
  private static final String SUBMIT = "/api/2.2/jobs/runs/submit";
  private static final String CANCEL = "/api/2.2/jobs/runs/cancel";
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final AtomicInteger CONTAINERS = new AtomicInteger();

  @TempDir Path runs;
  private final MockWebServer databricksServer = new MockWebServer();
  private final MockWebServer armServer = new MockWebServer();
  private final FakeDatabricks databricks =
      new FakeDatabricks(OrchestratedSeed.TOKEN)
          .timing(200, 800)
          .exitValue("prep", "{\"rows\": 2000}");
  private final FakeAzureMl azureMl = new FakeAzureMl().timing(200, 800);
  private OrchestratedSeed seed;

  @BeforeEach
  void start(AzuriteServer azurite) throws Exception {
    databricksServer.setDispatcher(databricks);
    databricksServer.start();
    armServer.setDispatcher(azureMl);
    armServer.start();
    String suffix = CONTAINERS.incrementAndGet() + "-" + ProcessHandle.current().pid();
    seed =
        new OrchestratedSeed(
            Path.of("src/main/resources/seed").toAbsolutePath(),
            runs,
            "http://127.0.0.1:" + databricksServer.getPort(),
            url(armServer),
            azurite.blobEndpoint(),
            "raw-" + suffix,
            "ws-" + suffix);
    azurite.createContainer(seed.rawContainer());
    azurite.createContainer(seed.workspaceContainer());
    new BlobDatastoreIo()
        .upload(
            seed.seed().resolve("data/customers.csv"),
            ModelTranslation.datastore(seed.raw()),
            "customers.csv",
            azurite.secrets());
  }

  @AfterEach
  void stop() throws Exception {
    FakeWorkspaces.release(seed.seed());
    databricksServer.shutdown();
    armServer.shutdown();
  }

  @Test
  void theNotebookRunsOnDatabricksTrainingOnAzureMlAndTrainingReadsExactlyTheNotebooksOutput() {
    PipelineRun run = seed.submit("seed-1", DuplicateRunPolicy.REJECT);

    assertThat(run.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(run.steps().values()).extracting(s -> s.state()).containsOnly(StepState.COMPLETED);
    assertThat(run.steps().get("prep").message()).isEqualTo("{\"rows\": 2000}");
    SubmitRun prep =
        VendorModels.read(SUBMIT, databricks.calls(SUBMIT).get(0).body(), SubmitRun.class);
    String written =
        List.copyOf(prep.getTasks()).get(0).getNotebookTask().getBaseParameters().get("clean_data");
    String read =
        azureMl
            .jobBody(IdempotencyKeys.of("seed-1", "train"))
            .path("properties")
            .path("inputs")
            .path("clean_data")
            .path("uri")
            .asText();
    String path = "sluice/runs/seed-1/prep/clean_data";
    assertThat(written)
        .isEqualTo(
            "wasbs://"
                + seed.workspaceContainer()
                + "@devstoreaccount1.blob.core.windows.net/"
                + path);
    assertThat(read).isEqualTo("azureml://datastores/workspaceblobstore/paths/" + path + "/");
    assertThat(run.outputs().get("clean_data").toString()).isEqualTo(written);
    assertThat(
            List.copyOf(prep.getTasks())
                .get(0)
                .getNotebookTask()
                .getBaseParameters()
                .get("raw_data"))
        .isEqualTo(
            "wasbs://"
                + seed.rawContainer()
                + "@devstoreaccount1.blob.core.windows.net/customers.csv");
    assertThat(databricks.runsStarted()).isEqualTo(1);
    assertThat(azureMl.jobsCreated()).isEqualTo(1);
    assertThat(
            azureMl
                .jobBody(IdempotencyKeys.of("seed-1", "train"))
                .path("properties")
                .path("computeId")
                .asText())
        .endsWith("/computes/cpu-cluster");
  }

  @Test
  void anOrchestratorKilledWhileTheNotebookRunsFinishesOnRestartWithOneSubmissionPerStep()
      throws Exception {
    databricks.timing(300, 6_000);
    Process runner = childJvm("seed-kill");
    Path journal = runs.resolve("seed-kill/journal.jsonl");
    for (int i = 0;
        i < 900 && !(Files.exists(journal) && Files.readString(journal).contains("\"remoteRun\""));
        i++) {
      Thread.sleep(100);
    }
    assertThat(Files.readString(journal)).contains("\"remoteRun\"");
    runner.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks run
    assertThat(runner.exitValue()).isNotZero();

    PipelineRun resumed = seed.submit("seed-kill", DuplicateRunPolicy.RESUME);

    assertThat(resumed.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(databricks.calls(SUBMIT)).hasSize(1);
    assertThat(databricks.runsStarted()).isEqualTo(1);
    assertThat(azureMl.jobsCreated()).isEqualTo(1);
    assertThat(azureMl.calls("PUT", "jobs/")).hasSize(1);
  }

  @Test
  void anOrchestratorKilledWhileTrainingRunsFinishesOnRestartWithOneSubmissionPerStep()
      throws Exception {
    azureMl.timing(300, 6_000);
    Process runner = childJvm("seed-kill-2");
    for (int i = 0; i < 900 && azureMl.jobsCreated() < 1; i++) {
      Thread.sleep(100);
    }
    assertThat(azureMl.jobsCreated()).isEqualTo(1);
    runner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    PipelineRun resumed = seed.submit("seed-kill-2", DuplicateRunPolicy.RESUME);

    assertThat(resumed.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(resumed.steps().get("prep").message()).contains("earlier attempt");
    assertThat(databricks.calls(SUBMIT)).hasSize(1);
    assertThat(azureMl.jobsCreated()).isEqualTo(1);
    assertThat(azureMl.calls("PUT", "jobs/")).hasSize(1);
  }

  @Test
  void withThirtyPercentOfRemoteCallsFailingThePipelineCompletesWithOneSubmissionPerStep() {
    databricks.faults(0.3, true);
    azureMl.faults(0.3, true);

    PipelineRun run = seed.submit("seed-faults", DuplicateRunPolicy.REJECT);

    assertThat(run.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(databricks.runsStarted()).isEqualTo(1);
    assertThat(azureMl.jobsCreated()).isEqualTo(1);
    assertThat(databricks.calls().stream().filter(c -> c.status() == 429 || c.status() == 503))
        .isNotEmpty();
    assertThat(azureMl.calls().stream().filter(c -> c.status() == 429 || c.status() == 503))
        .isNotEmpty();
  }

  @Test
  void cancelWhileTheNotebookRunsCancelsTheDatabricksRunAndTheRunEndsCanceled() throws Exception {
    databricks.timing(300, 60_000);
    PipelineRun run = seed.submit("seed-cancel-1", DuplicateRunPolicy.REJECT);
    for (int i = 0; i < 300 && databricks.runsStarted() < 1; i++) {
      Thread.sleep(100);
    }

    run.cancel();

    assertThatThrownBy(() -> run.waitForCompletion(WAIT)).isInstanceOf(PipelineRunException.class);
    assertThat(run.state()).isEqualTo(RunState.CANCELED);
    assertThat(databricks.calls(CANCEL)).hasSize(1);
    assertThat(azureMl.jobsCreated()).isZero();
  }

  @Test
  void cancelWhileTrainingRunsCancelsTheAzureMlJobAndTheRunEndsCanceled() throws Exception {
    azureMl.timing(300, 60_000);
    PipelineRun run = seed.submit("seed-cancel-2", DuplicateRunPolicy.REJECT);
    for (int i = 0; i < 600 && azureMl.jobsCreated() < 1; i++) {
      Thread.sleep(100);
    }

    run.cancel();

    assertThatThrownBy(() -> run.waitForCompletion(WAIT)).isInstanceOf(PipelineRunException.class);
    assertThat(run.state()).isEqualTo(RunState.CANCELED);
    assertThat(azureMl.canceledJobs())
        .containsExactly(IdempotencyKeys.of("seed-cancel-2", "train"));
    assertThat(run.steps().get("train").state()).isEqualTo(StepState.CANCELED);
  }

  private Process childJvm(String runId) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrchestratedSeed.class.getName()));
    command.addAll(List.of(seed.arguments(runId)));
    return new ProcessBuilder(command).inheritIO().start();
  }

  private static String url(MockWebServer server) {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }
}
