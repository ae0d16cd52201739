package io.sluice.testing.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.PipelineData;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run id chosen twice follows the {@link DuplicateRunPolicy} the same way on every transport. */
public interface DuplicateRunContract extends ContractTests {

  private PipelineDefinition twoSteps() {
    ContractFixture f = fixture();
    PipelineData x = PipelineData.of("x");
    return f.compile(f.pipeline(f.step("first").output(x), f.step("second").input(x)));
  }

  private SubmittedRun run(PipelineDefinition definition, String runId, DuplicateRunPolicy policy) {
    return fixture().submit(definition, o -> o.runId(runId).duplicateRunPolicy(policy));
  }

  private void refusedWithoutSideEffect(
      PipelineDefinition definition, String runId, DuplicateRunPolicy policy) {
    List<String> before = fixture().harness().sideEffects();
    assertThatThrownBy(() -> run(definition, runId, policy))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining(runId);
    assertThat(fixture().harness().sideEffects()).isEqualTo(before);
  }

  /** {@code REJECT}, the default, refuses an id already used, before any side effect. */
  @Test
  default void rejectRefusesARunIdAlreadyUsed() {
    PipelineDefinition definition = twoSteps();
    String id = ContractFixture.newRunId();
    assertThat(run(definition, id, DuplicateRunPolicy.REJECT).await())
        .isEqualTo(RunState.COMPLETED);
    refusedWithoutSideEffect(definition, id, DuplicateRunPolicy.REJECT);
  }

  /** {@code ALLOW_IF_FAILED} refuses to run again a run that completed. */
  @Test
  default void allowIfFailedRefusesARunThatCompleted() {
    PipelineDefinition definition = twoSteps();
    String id = ContractFixture.newRunId();
    assertThat(run(definition, id, DuplicateRunPolicy.REJECT).await())
        .isEqualTo(RunState.COMPLETED);
    refusedWithoutSideEffect(definition, id, DuplicateRunPolicy.ALLOW_IF_FAILED);
  }

  /** {@code ALLOW_IF_FAILED} runs again, from the start, a run that failed. */
  @Test
  default void allowIfFailedRunsAFailedRunAgain() {
    PipelineDefinition definition = twoSteps();
    String id = ContractFixture.newRunId();
    fixture().harness().script("second", StepBehaviour.fail("flaky"));
    assertThat(run(definition, id, DuplicateRunPolicy.REJECT).await()).isEqualTo(RunState.FAILED);
    fixture().harness().script("second", StepBehaviour.succeed());
    SubmittedRun again = run(definition, id, DuplicateRunPolicy.ALLOW_IF_FAILED);
    assertThat(again.await()).isEqualTo(RunState.COMPLETED);
    assertThat(again.run().id()).isEqualTo(id);
    assertThat(fixture().harness().invocations("second")).hasSize(2);
  }

  /** {@code RESUME} after a failure runs only what did not complete. */
  @Test
  default void resumeRunsOnlyTheStepsThatDidNotComplete() {
    PipelineDefinition definition = twoSteps();
    String id = ContractFixture.newRunId();
    fixture().harness().script("second", StepBehaviour.fail("flaky"));
    assertThat(run(definition, id, DuplicateRunPolicy.REJECT).await()).isEqualTo(RunState.FAILED);
    fixture().harness().script("second", StepBehaviour.succeed());
    SubmittedRun resumed = run(definition, id, DuplicateRunPolicy.RESUME);
    assertThat(resumed.await()).isEqualTo(RunState.COMPLETED);
    assertThat(resumed.state("first")).isIn(StepState.COMPLETED, StepState.REUSED);
    assertThat(fixture().harness().invocations("first")).hasSize(1);
    assertThat(fixture().harness().invocations("second")).hasSize(2);
  }

  /** {@code RESUME} of an id never used starts a new run under it. */
  @Test
  default void resumeOfANewIdStartsARun() {
    String id = ContractFixture.newRunId();
    SubmittedRun run = run(twoSteps(), id, DuplicateRunPolicy.RESUME);
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    assertThat(run.run().id()).isEqualTo(id);
  }

  /** Runs with different ids are independent, whatever the policy. */
  @Test
  default void differentRunIdsRunIndependently() {
    PipelineDefinition definition = twoSteps();
    SubmittedRun first = run(definition, ContractFixture.newRunId(), DuplicateRunPolicy.REJECT);
    assertThat(first.await()).isEqualTo(RunState.COMPLETED);
    SubmittedRun second = fixture().submit(definition, o -> o.forceRerun(true));
    assertThat(second.await()).isEqualTo(RunState.COMPLETED);
    assertThat(second.run().id()).isNotEqualTo(first.run().id());
  }
}
