package io.sluice.azureml.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.azureml.ArmMock;
import io.sluice.azureml.FakeAzureMl;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that runs again does so as a new pipeline job, an attempt named after the run. */
class RunAttemptsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final FakeAzureMl fake = new FakeAzureMl().timing(20, 60);

  private static RunOptions options(String runId, DuplicateRunPolicy policy) {
    return RunOptions.builder()
        .runId(runId)
        .duplicateRunPolicy(policy)
        .addSecrets(AzureMlTransportTest.RAW_KEY)
        .build();
  }

  private static void fails(PipelineRun run) {
    assertThatThrownBy(() -> run.waitForCompletion(WAIT)).isInstanceOf(PipelineRunException.class);
  }

  private static JsonNode settings(FakeAzureMl fake, String job) {
    return fake.jobBody(job).path("properties").path("settings");
  }

  @Test
  void resumeAfterAFailureIsANewAttemptThatReusesWhatCompleted(@TempDir Path dir) throws Exception {
    PipelineDefinition definition =
        AzureMlTransportTest.compile(dir, AzureMlTransportTest.seedScripts());
    try (ArmMock mock = new ArmMock(fake)) {
      AzureMlTransport transport =
          new AzureMlTransport(mock.client(), dir, null, Duration.ofMillis(10));
      fake.failStep("train", "flaky");
      fails(transport.submit(definition, options("run-1", DuplicateRunPolicy.REJECT)));
      fake.succeedStep("train");

      PipelineRun resumed =
          transport.submit(definition, options("run-1", DuplicateRunPolicy.RESUME));

      assertThat(resumed.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
      assertThat(resumed.id()).isEqualTo("run-1");
      assertThat(resumed.steps().get("prep").state()).isEqualTo(StepState.REUSED);
      assertThat(resumed.steps().get("train").state()).isEqualTo(StepState.COMPLETED);
      assertThat(settings(fake, "run-1_attempt2").has("force_rerun")).isFalse();
      assertThat(fake.pipelineJobsStarting("prep")).hasSize(1);
    }
  }

  @Test
  void allowIfFailedIsANewAttemptThatRunsEveryStepAgain(@TempDir Path dir) throws Exception {
    PipelineDefinition definition =
        AzureMlTransportTest.compile(dir, AzureMlTransportTest.seedScripts());
    try (ArmMock mock = new ArmMock(fake)) {
      AzureMlTransport transport =
          new AzureMlTransport(mock.client(), dir, null, Duration.ofMillis(10));
      fake.failStep("train", "flaky");
      fails(transport.submit(definition, options("run-1", DuplicateRunPolicy.REJECT)));
      fails(transport.submit(definition, options("run-1", DuplicateRunPolicy.ALLOW_IF_FAILED)));
      fake.succeedStep("train");

      PipelineRun again =
          transport.submit(definition, options("run-1", DuplicateRunPolicy.ALLOW_IF_FAILED));

      assertThat(again.waitForCompletion(WAIT)).isEqualTo(RunState.COMPLETED);
      assertThat(again.id()).isEqualTo("run-1");
      assertThat(again.steps().get("prep").state()).isEqualTo(StepState.COMPLETED);
      assertThat(settings(fake, "run-1_attempt3").path("force_rerun").asBoolean()).isTrue();
      assertThat(fake.pipelineJobsStarting("prep")).hasSize(3);
    }
  }

  @Test
  void resumeOfARunStillGoingAttachesToItsLatestAttempt(@TempDir Path dir) throws Exception {
    PipelineDefinition definition =
        AzureMlTransportTest.compile(dir, AzureMlTransportTest.seedScripts());
    try (ArmMock mock = new ArmMock(fake)) {
      AzureMlTransport transport =
          new AzureMlTransport(mock.client(), dir, null, Duration.ofMillis(10));
      fake.hangStep("train");
      transport.submit(definition, options("run-1", DuplicateRunPolicy.REJECT));

      PipelineRun resumed =
          transport.submit(definition, options("run-1", DuplicateRunPolicy.RESUME));
      resumed.cancel();

      assertThat(fake.jobsCreated()).isEqualTo(1);
      assertThat(fake.canceledJobs()).containsExactly("run-1");
    }
  }
}
