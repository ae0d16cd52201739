package io.sluice.testing;

import io.sluice.core.model.Step;
import io.sluice.testing.PipelineFacts.StepFacts;

/**
 * Checks on one step of a {@link io.sluice.core.model.Pipeline}, as built, before compilation.
 * Dependencies are worked out as the compiler does: from the producers of the data the step
 * consumes, and from its {@code runAfter}. Get one from {@link PipelineAssert#step(String)}.
 */
public final class StepAssert extends AbstractStepAssert<StepAssert, Step> {

  StepAssert(Step actual, StepFacts facts) {
    super(actual, StepAssert.class, facts);
  }
}
