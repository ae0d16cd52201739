package io.sluice.testing;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.sluice.testing.PipelineFacts.ParameterFacts;
import io.sluice.testing.PipelineFacts.StepFacts;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;

/**
 * The checks a {@link io.sluice.core.model.Pipeline} and a {@link
 * io.sluice.core.definition.PipelineDefinition} share: their steps, the order the steps must run
 * in, and their parameters. Get one from {@link SluiceAssertions}.
 *
 * @param <SELF> the assertion's own type
 * @param <ACTUAL> what is checked
 */
public abstract class AbstractPipelineAssert<
        SELF extends AbstractPipelineAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {

  private final Function<ACTUAL, PipelineFacts> factsOf;
  private PipelineFacts facts;

  AbstractPipelineAssert(
      ACTUAL actual, Class<?> selfType, Function<ACTUAL, PipelineFacts> factsOf) {
    super(actual, selfType);
    this.factsOf = factsOf;
  }

  /** The facts checked, worked out once; call it once the actual value is known not to be null. */
  final PipelineFacts facts() {
    if (facts == null) {
      facts = factsOf.apply(actual);
    }
    return facts;
  }

  /**
   * Checks that the pipeline has a step of this name.
   *
   * @param stepName the step's name
   * @return this assertion
   */
  public SELF hasStep(String stepName) {
    existingStep(stepName);
    return myself;
  }

  /**
   * Checks that the pipeline has all these steps, in any order, and maybe others.
   *
   * @param stepNames the steps' names
   * @return this assertion
   */
  public SELF hasSteps(String... stepNames) {
    isNotNull();
    PipelineFacts facts = facts();
    List<String> missing =
        Arrays.stream(stepNames).filter(n -> !facts.steps().containsKey(n)).toList();
    if (!missing.isEmpty()) {
      fail(
          "Expected %s to have the steps %s, but %s missing; its steps are %s",
          facts.describe(),
          PipelineFacts.list(Arrays.asList(stepNames)),
          PipelineFacts.list(missing) + (missing.size() == 1 ? " is" : " are"),
          facts.stepNames());
    }
    return myself;
  }

  /**
   * Checks how many steps the pipeline has.
   *
   * @param expected the number of steps
   * @return this assertion
   */
  public SELF hasStepCount(int expected) {
    isNotNull();
    PipelineFacts facts = facts();
    if (facts.steps().size() != expected) {
      fail(
          "Expected %s to have %d steps, but it has %d: %s",
          facts.describe(), expected, facts.steps().size(), facts.stepNames());
    }
    return myself;
  }

  /**
   * Checks that step {@code first} must finish before step {@code second} starts: {@code second}
   * depends on {@code first} directly or through other steps, so every schedule, on every
   * transport, runs {@code first} first. Two independent steps do not pass, whatever their place in
   * the definition's deterministic order.
   *
   * @param first the step that runs first
   * @param second the step that runs after it
   * @return this assertion
   */
  public SELF runsBefore(String first, String second) {
    existingStep(first);
    existingStep(second);
    PipelineFacts facts = facts();
    if (facts.upstreamOf(second).contains(first)) {
      return myself;
    }
    String found =
        facts
            .dependencyPath(first, second)
            .map(path -> "it is the other way round: " + path)
            .orElseGet(
                () -> {
                  Set<String> upstream = facts.upstreamOf(second);
                  return "neither depends on the other; '"
                      + second
                      + "' waits for "
                      + (upstream.isEmpty() ? "no step" : PipelineFacts.list(upstream));
                });
    fail(
        "Expected step '%s' to run before step '%s' in %s, but %s"
            + " (order steps by consuming PipelineData or with runAfter)",
        first, second, facts.describe(), found);
    return myself;
  }

  /**
   * Checks that the pipeline has a parameter with this default, of the type of {@code
   * expectedDefault}: {@code 5} is an Integer default, {@code 5L} a Long one. A data path default
   * is given as a {@link io.sluice.core.model.DataPath} or a {@link
   * io.sluice.core.definition.DataPathDefinition}. A pipeline's parameters are those it lists and
   * those its steps use.
   *
   * @param parameterName the parameter's name
   * @param expectedDefault its expected default value
   * @return this assertion
   */
  public SELF hasParameterWithDefault(String parameterName, Object expectedDefault) {
    isNotNull();
    PipelineFacts facts = facts();
    ParameterFacts expected = ParameterFacts.expected(expectedDefault);
    if (expected == null) {
      throw new IllegalArgumentException(
          "A parameter cannot default to "
              + expectedDefault
              + "; expect a String, Integer, Long, Double, Boolean or DataPath");
    }
    ParameterFacts found = facts.parameters().get(parameterName);
    if (found == null) {
      fail(
          "Expected %s to have parameter '%s' with default %s, but it has no parameter '%s'; %s",
          facts.describe(), parameterName, expected, parameterName, facts.describeParameters());
    } else if (!found.equals(expected)) {
      fail(
          "Expected %s to have parameter '%s' with default %s, but its default is %s",
          facts.describe(), parameterName, expected, found);
    }
    return myself;
  }

  /** The step, or a failure that lists the steps there are. */
  StepFacts existingStep(String stepName) {
    isNotNull();
    PipelineFacts facts = facts();
    StepFacts step = facts.steps().get(stepName);
    if (step == null) {
      fail(
          "Expected %s to have a step named '%s', but its steps are %s",
          facts.describe(), stepName, facts.stepNames());
    }
    return step;
  }

  /**
   * Fails with a message built by {@link String#format}, arguments shown as they are (AssertJ's own
   * would quote strings) and prefixed by the assertion's description, if any.
   */
  @FormatMethod
  void fail(@FormatString String format, Object... arguments) {
    failWithMessage("%s", String.format(format, arguments));
  }
}
