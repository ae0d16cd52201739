package io.sluice.testing;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.model.Pipeline;

/**
 * AssertJ entry points for pipelines, their compiled definitions and their steps. Import them
 * statically next to AssertJ's own; Java picks the right {@code assertThat} by argument type.
 *
 * <pre>{@code
 * import static io.sluice.testing.SluiceAssertions.assertThat;
 * import static org.assertj.core.api.Assertions.assertThat;
 *
 * assertThat(pipeline)
 *     .hasStepCount(2)
 *     .runsBefore("prep", "train")
 *     .step("train").dependsOn("prep").consumes("clean");
 * assertThat(pipeline).withBaseDirectory(sources).compilesWithoutWarnings();
 * assertThat(PipelineCompiler.compile(pipeline, sources))
 *     .step("train").fingerprintUnchangedFrom(previous);
 * }</pre>
 *
 * <p>Every failure says what was expected and what was found: the steps there are, a step's actual
 * dependencies and why it has each, the validation problems, or the part of a fingerprint that
 * changed.
 */
public final class SluiceAssertions {
  private SluiceAssertions() {}

  /**
   * Checks a pipeline as built, before compilation.
   *
   * @param actual the pipeline
   * @return an assertion on it
   */
  public static PipelineAssert assertThat(Pipeline actual) {
    return new PipelineAssert(actual);
  }

  /**
   * Checks a compiled pipeline definition.
   *
   * @param actual the definition
   * @return an assertion on it
   */
  public static PipelineDefinitionAssert assertThat(PipelineDefinition actual) {
    return new PipelineDefinitionAssert(actual);
  }

  /**
   * Checks one compiled step on its own. Reasons for its dependencies are known only when it is
   * reached through {@link PipelineDefinitionAssert#step(String)}.
   *
   * @param actual the step
   * @return an assertion on it
   */
  public static StepDefinitionAssert assertThat(StepDefinition actual) {
    return new StepDefinitionAssert(actual, null);
  }
}
