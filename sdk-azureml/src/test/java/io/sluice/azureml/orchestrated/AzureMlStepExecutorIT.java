package io.sluice.azureml.orchestrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.azureml.ArmMock;
import io.sluice.azureml.FakeAzureMl;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.orchestrator.IdempotencyKeys;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.testing.azurite.AzuriteExtension;
import io.sluice.testing.azurite.AzuriteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The orchestrated Azure ML executor against a fake ARM, with Azurite as the datastore. Each test
 * has its own fake, base directory and container, so tests run side by side, and beside the
 * module's other classes: they mostly wait for the fake's jobs.
 */
@ExtendWith(AzuriteExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class AzureMlStepExecutorIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final AtomicInteger CONTAINERS = new AtomicInteger();

  @TempDir Path base;
  private final FakeAzureMl fake = new FakeAzureMl();
  private ArmMock arm;
  private AzuriteServer azurite;
  private AzureBlobDatastore lake;
  private String container;

  @BeforeEach
  void start(AzuriteServer azurite) throws Exception {
    this.azurite = azurite;
    container = "orch-" + CONTAINERS.incrementAndGet() + "-" + ProcessHandle.current().pid();
    azurite.createContainer(container);
    lake = TwoScripts.lake(azurite.blobEndpoint(), container);
    arm = new ArmMock(fake);
    TwoScripts.writeSources(base);
  }

  @AfterEach
  void stop() {
    FakeWorkspaces.release(base);
    arm.close(); // checks every request against the Azure ML specification
  }

  private PipelineRun submit(String runId, DuplicateRunPolicy policy) {
    return TwoScripts.submit(base, lake, arm.url(), runId, policy);
  }

  @Test
  void eachStepIsOneCommandJobNamedByItsKeyAndTrainReadsExactlyWhatPrepWrote() {
    PipelineRun run = submit("aml-1", DuplicateRunPolicy.REJECT);

    assertThat(run.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    String prep = IdempotencyKeys.of("aml-1", "prep");
    String train = IdempotencyKeys.of("aml-1", "train");
    assertThat(fake.jobsCreated()).isEqualTo(2);
    assertThat(fake.calls("PUT", "jobs/"))
        .extracting(FakeAzureMl.Call::path)
        .containsExactly("jobs/" + prep, "jobs/" + train);
    JsonNode prepJob = fake.jobBody(prep).path("properties");
    JsonNode trainJob = fake.jobBody(train).path("properties");
    String location = "azureml://datastores/lake/paths/sluice/runs/aml-1/prep/clean_data/";
    assertThat(prepJob.path("jobType").asText()).isEqualTo("Command");
    assertThat(prepJob.path("outputs").path("clean_data").path("uri").asText()).isEqualTo(location);
    assertThat(trainJob.path("inputs").path("clean_data").path("uri").asText()).isEqualTo(location);
    assertThat(trainJob.path("computeId").asText()).endsWith("/computes/cpu-cluster");
    assertThat(trainJob.path("command").asText())
        .isEqualTo(
            "python train.py --input '${{inputs.clean_data}}'" + " --output '${{outputs.model}}'");
    assertThat(fake.calls("PUT", "datastores/lake")).hasSize(1);
    assertThat(run.steps().values()).extracting(s -> s.state()).containsOnly(StepState.COMPLETED);
  }

  @Test
  void withThirtyPercentOfCallsFailingEveryStepIsStillOneJob() {
    fake.faults(0.3, true);

    PipelineRun run = submit("aml-faults", DuplicateRunPolicy.REJECT);

    assertThat(run.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(fake.jobsCreated()).isEqualTo(2);
  }

  @Test
  void aFailedJobReportsItsErrorAndStudioLinkAndSkipsItsDependants() {
    fake.failStep("prep", "KeyError: 'customer_id' in prep.py line 12");

    PipelineRun run = submit("aml-fail", DuplicateRunPolicy.REJECT);

    assertThatThrownBy(() -> run.waitForCompletion(WAIT))
        .isInstanceOf(PipelineRunException.class)
        .hasMessageContaining(
            "Step 'prep' failed on Azure ML: job "
                + IdempotencyKeys.of("aml-fail", "prep")
                + " ended Failed: KeyError: 'customer_id' in prep.py line 12")
        .hasMessageContaining("https://ml.azure.com/runs/");
    assertThat(run.steps().get("train").state()).isEqualTo(StepState.SKIPPED);
    assertThat(fake.jobsCreated()).isEqualTo(1);
  }

  @Test
  void aFailedStepRunAgainIsANewJobNamedByTheKeyOfTheNewAttempt() {
    fake.failStep("prep");
    PipelineRun failed = submit("aml-again", DuplicateRunPolicy.REJECT);
    assertThatThrownBy(() -> failed.waitForCompletion(WAIT))
        .isInstanceOf(PipelineRunException.class);
    fake.succeedStep("prep");

    PipelineRun again = submit("aml-again", DuplicateRunPolicy.ALLOW_IF_FAILED);

    assertThat(again.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(fake.jobsCreated()).isEqualTo(3);
    assertThat(fake.calls("PUT", "jobs/"))
        .extracting(FakeAzureMl.Call::path)
        .containsExactly(
            "jobs/" + IdempotencyKeys.of("aml-again", "prep"),
            "jobs/" + IdempotencyKeys.of("aml-again", "prep", 2),
            "jobs/" + IdempotencyKeys.of("aml-again", "train"));
  }

  @Test
  void cancelingTheRunCancelsTheInFlightJobAndEndsCanceled() throws Exception {
    fake.timing(300, 60_000);
    PipelineRun run = submit("aml-cancel", DuplicateRunPolicy.REJECT);
    for (int i = 0; i < 300 && fake.jobsCreated() < 1; i++) {
      Thread.sleep(100);
    }

    run.cancel();

    assertThatThrownBy(() -> run.waitForCompletion(WAIT)).isInstanceOf(PipelineRunException.class);
    assertThat(run.state()).isEqualTo(RunState.CANCELED);
    assertThat(fake.canceledJobs()).containsExactly(IdempotencyKeys.of("aml-cancel", "prep"));
    assertThat(run.steps().get("prep").state()).isEqualTo(StepState.CANCELED);
    assertThat(run.steps().get("train").state()).isIn(StepState.CANCELED, StepState.SKIPPED);
  }

  @Test
  void anOrchestratorKilledWhileAJobRunsReattachesOnResumeAndCreatesNothingTwice()
      throws Exception {
    fake.timing(300, 5_000);
    Process runner =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TwoScripts.class.getName(),
                base.toString(),
                azurite.blobEndpoint(),
                container,
                arm.url(),
                "aml-kill")
            .inheritIO()
            .start();
    for (int i = 0; i < 600 && fake.jobsCreated() < 1; i++) {
      Thread.sleep(100);
    }
    Path journal = base.resolve("sluice-runs/aml-kill/journal.jsonl");
    assertThat(Files.readString(journal)).contains("\"remoteRun\"");
    runner.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks run

    PipelineRun resumed = submit("aml-kill", DuplicateRunPolicy.RESUME);

    assertThat(resumed.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
    assertThat(fake.jobsCreated()).isEqualTo(2);
    assertThat(fake.calls("PUT", "jobs/" + IdempotencyKeys.of("aml-kill", "prep"))).hasSize(1);
  }
}
