package io.sluice.testing;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;

/**
 * Checks on a compiled {@link PipelineDefinition}: steps, their order and dependencies, data,
 * parameters and fingerprints. Get one from {@link
 * SluiceAssertions#assertThat(PipelineDefinition)}.
 *
 * <pre>{@code
 * assertThat(definition)
 *     .hasSteps("prep", "train")
 *     .runsBefore("prep", "train")
 *     .hasParameterWithDefault("epochs", 10)
 *     .step("train").consumes("clean").fingerprintUnchangedFrom(previous);
 * }</pre>
 */
public final class PipelineDefinitionAssert
    extends AbstractPipelineAssert<PipelineDefinitionAssert, PipelineDefinition> {

  PipelineDefinitionAssert(PipelineDefinition actual) {
    super(actual, PipelineDefinitionAssert.class, PipelineFacts::of);
  }

  /**
   * Goes on to check one step.
   *
   * @param stepName the step's name
   * @return an assertion on that step; fails here when there is no such step
   */
  public StepDefinitionAssert step(String stepName) {
    existingStep(stepName);
    StepDefinition step = actual.step(stepName).orElseThrow();
    return new StepDefinitionAssert(step, actual).as("%s", facts().describe());
  }
}
