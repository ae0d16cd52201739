package io.sluice.azureml.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.azureml.ArmMock;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.core.run.StepStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events of a pipeline job's run, in the order the contract of every transport gives them. */
class AzureMlPipelineRunEventsTest {
  private static final String JOB =
      "{\"name\":\"run-3\",\"properties\":{\"jobType\":\"Pipeline\",\"status\":\"%s\"}}";

  private static String event(RunEvent event) {
    return event instanceof RunEvent.StepStateChanged s
        ? s.status().step() + " " + s.status().state()
        : "run " + ((RunEvent.RunStateChanged) event).state();
  }

  @Test
  void aStepThatEndedBetweenPollsRanFirstAndAStepNeverStartedIsSkippedBeforeTheRunEnds(
      @TempDir Path dir) throws Exception {
    PipelineDefinition definition =
        AzureMlTransportTest.compile(dir, AzureMlTransportTest.seedScripts());
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    try (ArmMock mock = new ArmMock()) {
      mock.reply(200, JOB.formatted("Running"));
      mock.reply(200, "{\"value\":[]}");
      mock.reply(200, JOB.formatted("Failed"));
      mock.reply(
          200,
          "{\"value\":[{\"runId\":\"c1\",\"displayName\":\"prep\",\"status\":\"Failed\","
              + "\"startTimeUtc\":\"2026-01-01T00:00:00Z\",\"endTimeUtc\":\"2026-01-01T00:01:00Z\"}]}");
      AzureMlPipelineRun run =
          new AzureMlPipelineRun(
              mock.client(),
              definition,
              "run-3",
              "run-3",
              Map.of(),
              Duration.ofMillis(5),
              List.of(events::add));

      assertThat(run.steps().values()).extracting(StepStatus::state).containsOnly(StepState.QUEUED);
      assertThat(run.state()).isEqualTo(RunState.FAILED);

      assertThat(events)
          .extracting(AzureMlPipelineRunEventsTest::event)
          .containsExactly("prep RUNNING", "prep FAILED", "train SKIPPED", "run FAILED");
      assertThat(events).allSatisfy(e -> assertThat(e.runId()).isEqualTo("run-3"));
      StepStatus train = ((RunEvent.StepStateChanged) events.get(2)).status();
      assertThat(train.message())
          .isEqualTo("skipped: it runs after 'prep' (FAILED), which did not complete");
    }
  }
}
