package io.sluice.testing;

import io.sluice.core.compiler.FingerprintDiff;
import io.sluice.core.definition.Fingerprint;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.testing.PipelineFacts.StepFacts;
import java.util.List;

/**
 * Checks on a compiled step: what it depends on, consumes and produces, where it runs, and whether
 * its fingerprint (which decides reuse) changed between two compilations. Get one from {@link
 * PipelineDefinitionAssert#step(String)} or {@link SluiceAssertions#assertThat(StepDefinition)}.
 */
public final class StepDefinitionAssert
    extends AbstractStepAssert<StepDefinitionAssert, StepDefinition> {

  StepDefinitionAssert(StepDefinition actual, PipelineDefinition definition) {
    super(
        actual,
        StepDefinitionAssert.class,
        actual == null ? null : StepFacts.of(actual, definition));
  }

  /**
   * Checks the name of the compute target the step runs on ({@code local} when none was set).
   *
   * @param computeName the compute target's name
   * @return this assertion
   */
  public StepDefinitionAssert runsOn(String computeName) {
    isNotNull();
    if (!computeName.equals(actual.compute())) {
      fail(
          "Expected step '%s' to run on compute '%s', but it runs on '%s'",
          actual.name(), computeName, actual.compute());
    }
    return myself;
  }

  /**
   * Checks that the step's fingerprint differs from that of the step of the same name in another
   * definition, so that a run would not reuse the other's result.
   *
   * @param other the definition compiled before (or after) a change
   * @return this assertion
   */
  public StepDefinitionAssert fingerprintChangedFrom(PipelineDefinition other) {
    Fingerprint before = otherStep(other).fingerprint();
    Fingerprint now = actual.fingerprint();
    if (before.value().equals(now.value())) {
      fail(
          "Expected the fingerprint of step '%s' to change from the other definition's, but it is"
              + " the same (%s): its definition, its %d source file(s) and its upstream steps %s"
              + " are unchanged, so a run would reuse its earlier result",
          actual.name(),
          shortHash(now.value()),
          now.sources().size(),
          PipelineFacts.list(now.upstream().keySet()));
    }
    return myself;
  }

  /**
   * Checks that the step's fingerprint equals that of the step of the same name in another
   * definition, so that a run would reuse the other's result. A failure says which part changed:
   * the step's definition, which source file, or which upstream step.
   *
   * @param other the definition compiled before (or after) a change
   * @return this assertion
   */
  public StepDefinitionAssert fingerprintUnchangedFrom(PipelineDefinition other) {
    StepDefinition otherStep = otherStep(other);
    Fingerprint before = otherStep.fingerprint();
    Fingerprint now = actual.fingerprint();
    if (!before.value().equals(now.value())) {
      List<String> changes =
          FingerprintDiff.explain(otherStep, actual).stream().map(Object::toString).toList();
      fail(
          "Expected the fingerprint of step '%s' to be unchanged from the other definition's, but"
              + " it changed from %s to %s: %s",
          actual.name(),
          shortHash(before.value()),
          shortHash(now.value()),
          changes.isEmpty()
              ? "the parts are equal but the value is not"
              : String.join("; ", changes));
    }
    return myself;
  }

  /** The first 12 characters of a hash, enough to tell two apart in a message. */
  private static String shortHash(String value) {
    return value.length() > 12 ? value.substring(0, 12) : value;
  }

  private StepDefinition otherStep(PipelineDefinition other) {
    isNotNull();
    if (actual.fingerprint() == null) {
      fail(
          "Step '%s' has no fingerprint; compare steps compiled by PipelineCompiler",
          actual.name());
    }
    StepDefinition otherStep = other.step(actual.name()).orElse(null);
    if (otherStep == null) {
      fail(
          "Expected the other definition (pipeline '%s') to have step '%s' to compare"
              + " fingerprints with, but its steps are %s",
          other.name(),
          actual.name(),
          PipelineFacts.list(other.steps().stream().map(StepDefinition::name).toList()));
    } else if (otherStep.fingerprint() == null) {
      fail(
          "Step '%s' of the other definition has no fingerprint; compare steps compiled by"
              + " PipelineCompiler",
          actual.name());
    }
    return otherStep;
  }
}
