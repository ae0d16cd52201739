package io.sluice.testing;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.sluice.testing.PipelineFacts.StepFacts;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * The checks a step of a {@link io.sluice.core.model.Pipeline} and a compiled {@link
 * io.sluice.core.definition.StepDefinition} share: what it depends on, consumes and produces. Get
 * one from {@link AbstractPipelineAssert}'s {@code step(name)} or from {@link
 * SluiceAssertions#assertThat(io.sluice.core.definition.StepDefinition)}.
 *
 * @param <SELF> the assertion's own type
 * @param <ACTUAL> the step type
 */
public abstract class AbstractStepAssert<SELF extends AbstractStepAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {

  private final StepFacts facts;

  AbstractStepAssert(ACTUAL actual, Class<?> selfType, StepFacts facts) {
    super(actual, selfType);
    this.facts = facts;
  }

  StepFacts facts() {
    return facts;
  }

  /**
   * Checks that the step waits for another step directly, because it consumes data that step
   * produces or names it in {@code runAfter}.
   *
   * @param otherStep the other step's name
   * @return this assertion
   */
  public SELF dependsOn(String otherStep) {
    isNotNull();
    if (!facts.dependsOn().contains(otherStep)) {
      fail(
          "Expected step '%s' to depend on '%s', but %s"
              + " (a step depends on the producers of the PipelineData it consumes and on the"
              + " steps in its runAfter)",
          facts.name(), otherStep, dependencies());
    }
    return myself;
  }

  /**
   * Checks that the step does not wait for another step directly.
   *
   * @param otherStep the other step's name
   * @return this assertion
   */
  public SELF doesNotDependOn(String otherStep) {
    isNotNull();
    if (facts.dependsOn().contains(otherStep)) {
      String why = facts.why().get(otherStep);
      fail(
          "Expected step '%s' not to depend on '%s', but it does%s; %s",
          facts.name(), otherStep, why == null ? "" : ": it " + why, dependencies());
    }
    return myself;
  }

  /**
   * Checks that the step reads the intermediate data ({@code PipelineData}) of this name, under any
   * input name.
   *
   * @param dataName the data's name
   * @return this assertion
   */
  public SELF consumes(String dataName) {
    isNotNull();
    String inputs = " (its inputs are " + PipelineFacts.list(facts.inputs()) + ")";
    return hasData("consume", dataName, facts.consumes(), "no PipelineData", inputs);
  }

  /**
   * Checks that the step writes the intermediate data ({@code PipelineData}) of this name.
   *
   * @param dataName the data's name
   * @return this assertion
   */
  public SELF produces(String dataName) {
    isNotNull();
    return hasData("produce", dataName, facts.produces(), "nothing", "");
  }

  private SELF hasData(String verb, String dataName, List<String> found, String none, String more) {
    if (!found.contains(dataName)) {
      fail(
          "Expected step '%s' to %s '%s', but it %ss %s%s",
          facts.name(),
          verb,
          dataName,
          verb,
          found.isEmpty() ? none : PipelineFacts.list(found),
          more);
    }
    return myself;
  }

  private String dependencies() {
    if (facts.dependsOn().isEmpty()) {
      return "it depends on no step";
    }
    Map<String, String> why = facts.why();
    return "its dependencies are "
        + facts.dependsOn().stream()
            .map(d -> why.containsKey(d) ? d + " (" + why.get(d) + ")" : d)
            .collect(Collectors.joining(", ", "[", "]"));
  }

  /** Fails with a {@link String#format} message, arguments shown as they are. */
  @FormatMethod
  void fail(@FormatString String format, Object... arguments) {
    failWithMessage("%s", String.format(format, arguments));
  }
}
