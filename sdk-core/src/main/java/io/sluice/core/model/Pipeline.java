package io.sluice.core.model;

import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.NameRule;
import io.sluice.core.implementation.SluiceStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A pipeline: named steps joined by the data they exchange and by explicit {@code runAfter}
 * ordering, plus parameters and a default datastore. Build it, then {@link #compile()} it into the
 * {@link PipelineDefinition} that every transport runs.
 */
@Value.Immutable
@SluiceStyle
public abstract class Pipeline {

  /** Returns the pipeline's name; also the default experiment name. */
  public abstract String name();

  /** Returns a description. */
  public abstract Optional<String> description();

  /** Returns the steps; every producer of consumed data must be among them. */
  public abstract List<Step> steps();

  /** Returns where intermediate data goes when its {@link PipelineData} names no datastore. */
  public abstract Optional<Datastore> defaultDatastore();

  /** Returns parameters beyond those the steps use (those are found by themselves). */
  public abstract List<PipelineParameter<?>> parameters();

  /** Returns whether independent steps go on after a step fails. */
  @Value.Default
  public boolean continueOnStepFailure() {
    return false;
  }

  @Value.Check
  void check() {
    ModelChecks.name(NameRule.PIPELINE, "Pipeline", "name", name());
    description()
        .ifPresent(d -> ModelChecks.notBlank("Pipeline '" + name() + "'", "description", d));
  }

  /**
   * Compiles and validates this pipeline.
   *
   * @return the canonical definition
   * @throws io.sluice.core.compiler.PipelineValidationException listing every problem found
   */
  public PipelineDefinition compile() {
    return PipelineCompiler.compile(this);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Pipeline}. */
  public static final class Builder extends ImmutablePipeline.Builder {
    /**
     * Adds steps.
     *
     * @param steps the steps, in any order
     * @return this builder
     */
    public Builder steps(Step... steps) {
      addAllSteps(Arrays.asList(steps));
      return this;
    }
  }
}
