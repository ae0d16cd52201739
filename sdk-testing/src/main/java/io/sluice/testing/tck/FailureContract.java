package io.sluice.testing.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.PipelineData;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import org.junit.jupiter.api.Test;

/**
 * A failed step fails the run with its message; what depends on it is skipped; an independent
 * branch goes on only when the pipeline continues on step failure.
 */
public interface FailureContract extends ContractTests {

  /** A failing step fails the run and keeps the step's error. */
  @Test
  default void aFailingStepFailsTheRunWithItsMessage() {
    ContractFixture f = fixture();
    f.harness().script("train", StepBehaviour.fail("out of memory in fold 3"));
    SubmittedRun run = f.submit(f.compile(f.pipeline(f.step("train"))));
    assertThat(run.await()).isEqualTo(RunState.FAILED);
    assertThat(run.state("train")).isEqualTo(StepState.FAILED);
    assertThat(run.run().steps().get("train").message()).contains("out of memory in fold 3");
  }

  /** Every step that needs a failed step's output is skipped, transitively, and never starts. */
  @Test
  default void stepsThatDependOnAFailedStepAreSkipped() {
    ContractFixture f = fixture();
    PipelineData a = PipelineData.of("a_out");
    PipelineData b = PipelineData.of("b_out");
    f.harness().script("a", StepBehaviour.fail("bad input"));
    SubmittedRun run =
        f.submit(
            f.compile(
                f.pipeline(
                    f.step("a").output(a), f.step("b").input(a).output(b), f.step("c").input(b))));
    assertThat(run.await()).isEqualTo(RunState.FAILED);
    assertThat(run.state("b")).isEqualTo(StepState.SKIPPED);
    assertThat(run.state("c")).isEqualTo(StepState.SKIPPED);
    assertThat(f.harness().invocations("b")).isEmpty();
    assertThat(f.harness().invocations("c")).isEmpty();
  }

  /** A step ordered after a failed one with {@code runAfter} is skipped too. */
  @Test
  default void aStepRunAfterAFailedStepIsSkipped() {
    ContractFixture f = fixture();
    f.harness().script("a", StepBehaviour.fail("bad input"));
    SubmittedRun run = f.submit(f.compile(f.pipeline(f.step("a"), f.step("b").runAfter("a"))));
    assertThat(run.await()).isEqualTo(RunState.FAILED);
    assertThat(run.state("b")).isEqualTo(StepState.SKIPPED);
  }

  /** With continue-on-step-failure, an independent branch runs to its end; the run still fails. */
  @Test
  default void withContinueOnStepFailureAnIndependentBranchCompletes() {
    ContractFixture f = fixture();
    PipelineData x = PipelineData.of("x");
    f.harness().script("broken", StepBehaviour.fail("bad input"));
    SubmittedRun run =
        f.submit(
            f.compile(
                f.pipeline(
                    true, f.step("broken"), f.step("left").output(x), f.step("right").input(x))));
    assertThat(run.await()).isEqualTo(RunState.FAILED);
    assertThat(run.state("broken")).isEqualTo(StepState.FAILED);
    assertThat(run.state("left")).isEqualTo(StepState.COMPLETED);
    assertThat(run.state("right")).isEqualTo(StepState.COMPLETED);
  }

  /** After a failure every step is in a final state, none left queued or running. */
  @Test
  default void aFailedRunLeavesEveryStepInAFinalState() {
    ContractFixture f = fixture();
    PipelineData x = PipelineData.of("x");
    f.harness().script("first", StepBehaviour.fail("bad input"));
    SubmittedRun run =
        f.submit(
            f.compile(
                f.pipeline(
                    f.step("first").output(x),
                    f.step("second").input(x),
                    f.step("third").runAfter("second"))));
    assertThat(run.await()).isEqualTo(RunState.FAILED);
    assertThat(run.run().steps().values())
        .allSatisfy(s -> assertThat(s.state().isTerminal()).isTrue());
  }

  /** A completed run's steps are all completed, and its state is what waiting returned. */
  @Test
  default void aCompletedRunHasEveryStepCompleted() {
    ContractFixture f = fixture();
    PipelineData x = PipelineData.of("x");
    SubmittedRun run =
        f.submit(f.compile(f.pipeline(f.step("one").output(x), f.step("two").input(x))));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    assertThat(run.run().state()).isEqualTo(RunState.COMPLETED);
    assertThat(run.run().steps().values())
        .extracting(s -> s.state())
        .containsOnly(StepState.COMPLETED);
  }
}
