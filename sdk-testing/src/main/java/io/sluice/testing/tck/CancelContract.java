package io.sluice.testing.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Cancel stops a running run: it ends CANCELED, the running step is stopped, later steps never
 * start.
 */
public interface CancelContract extends ContractTests {

  private SubmittedRun runningHang() {
    ContractFixture f = fixture();
    f.harness().script("slow", StepBehaviour.hang());
    SubmittedRun run =
        f.submit(f.compile(f.pipeline(f.step("slow"), f.step("after").runAfter("slow"))));
    Instant deadline = Instant.now().plus(f.harness().timeout());
    while (run.run().steps().get("slow").state() != StepState.RUNNING) {
      assertThat(Instant.now()).as("step 'slow' never reached RUNNING").isBefore(deadline);
      assertThat(run.run().state().isTerminal())
          .as("run ended before its step ran: " + run.run().steps())
          .isFalse();
      sleep();
    }
    return run;
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A canceled run ends CANCELED, with its running step canceled and the next never started. */
  @Test
  default void cancelEndsARunningRunCanceled() {
    SubmittedRun run = runningHang();
    run.run().cancel();
    assertThat(run.await()).isEqualTo(RunState.CANCELED);
    assertThat(run.state("slow")).isEqualTo(StepState.CANCELED);
    assertThat(run.state("after")).isIn(StepState.CANCELED, StepState.SKIPPED);
    assertThat(fixture().harness().invocations("after")).isEmpty();
  }

  /** Canceling a run that has ended changes nothing. */
  @Test
  default void cancelAfterTheEndChangesNothing() {
    ContractFixture f = fixture();
    SubmittedRun run = f.submit(f.compile(f.pipeline(f.step("quick"))));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    run.run().cancel();
    assertThat(run.run().waitForCompletion(Duration.ofSeconds(30))).isEqualTo(RunState.COMPLETED);
    assertThat(run.state("quick")).isEqualTo(StepState.COMPLETED);
  }
}
