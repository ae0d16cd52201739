package io.sluice.testing.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.PipelineData;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events arrive in an order a listener can rely on: the run's final state last, each step's final
 * state before it, a step's RUNNING before its final state, a consumer only after its producer.
 */
public interface EventContract extends ContractTests {

  private SubmittedRun chain() {
    ContractFixture f = fixture();
    PipelineData x = PipelineData.of("x");
    SubmittedRun run =
        f.submit(f.compile(f.pipeline(f.step("producer").output(x), f.step("consumer").input(x))));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    return run;
  }

  private static int indexOf(List<RunEvent> events, String step, StepState state) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof RunEvent.StepStateChanged c
          && c.status().step().equals(step)
          && c.status().state() == state) {
        return i;
      }
    }
    return -1;
  }

  /** The run's final state is the last state event, after every step's final state. */
  @Test
  default void theRunsFinalStateIsTheLastStateEvent() {
    SubmittedRun run = chain();
    List<RunEvent> states =
        run.events().stream().filter(e -> !(e instanceof RunEvent.StepOutput)).toList();
    assertThat(states.get(states.size() - 1))
        .isInstanceOfSatisfying(
            RunEvent.RunStateChanged.class,
            e -> assertThat(e.state()).isEqualTo(RunState.COMPLETED));
    assertThat(run.runStates()).endsWith(RunState.COMPLETED).doesNotHaveDuplicates();
  }

  /** Each step reports RUNNING before COMPLETED, and nothing after its final state. */
  @Test
  default void eachStepReportsRunningBeforeItsFinalState() {
    SubmittedRun run = chain();
    assertThat(run.stepStates("producer")).containsExactly(StepState.RUNNING, StepState.COMPLETED);
    assertThat(run.stepStates("consumer")).containsExactly(StepState.RUNNING, StepState.COMPLETED);
  }

  /** A consumer starts only after its producer completed. */
  @Test
  default void aConsumerStartsOnlyAfterItsProducerCompleted() {
    SubmittedRun run = chain();
    assertThat(indexOf(run.events(), "producer", StepState.COMPLETED))
        .isLessThan(indexOf(run.events(), "consumer", StepState.RUNNING));
  }

  /** Every event names the run it belongs to. */
  @Test
  default void everyEventNamesItsRun() {
    SubmittedRun run = chain();
    assertThat(run.events())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.runId()).isEqualTo(run.run().id()));
  }

  /** A skipped step reports SKIPPED and never RUNNING. */
  @Test
  default void aSkippedStepNeverReportsRunning() {
    ContractFixture f = fixture();
    PipelineData x = PipelineData.of("x");
    f.harness().script("producer", StepBehaviour.fail("no data"));
    SubmittedRun run =
        f.submit(f.compile(f.pipeline(f.step("producer").output(x), f.step("consumer").input(x))));
    assertThat(run.await()).isEqualTo(RunState.FAILED);
    assertThat(run.stepStates("consumer")).containsExactly(StepState.SKIPPED);
    assertThat(run.runStates()).endsWith(RunState.FAILED);
  }

  /** Step statuses carry start and end times once they ran. */
  @Test
  default void aCompletedStepHasItsStartAndEndTimes() {
    SubmittedRun run = chain();
    var status = run.run().steps().get("producer");
    assertThat(status.startedAt()).isPresent();
    assertThat(status.endedAt()).isPresent();
    assertThat(status.endedAt().get()).isAfterOrEqualTo(status.startedAt().get());
  }
}
