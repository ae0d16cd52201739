package io.sluice.testing.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.run.RunState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parameters of every type reach a step as the same text on every transport, defaults and overrides
 * alike, and a bad override is refused before anything happens.
 */
public interface ParameterContract extends ContractTests {

  private SubmittedRun runWith(String name, Object defaultValue, Object override) {
    ContractFixture f = fixture();
    PipelineDefinition definition =
        f.compile(f.pipeline(f.step("show").value(name, PipelineParameter.of(name, defaultValue))));
    SubmittedRun run =
        f.submit(definition, o -> override == null ? o : o.putParameter(name, override));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    return run;
  }

  private void refused(Object defaultValue, Object override, String... messageParts) {
    ContractFixture f = fixture();
    PipelineDefinition definition =
        f.compile(f.pipeline(f.step("show").value("p", PipelineParameter.of("p", defaultValue))));
    List<String> before = f.harness().sideEffects();
    assertThatThrownBy(() -> f.submit(definition, o -> o.putParameter("p", override)))
        .isInstanceOf(SluiceException.class)
        .hasMessageContainingAll(messageParts);
    assertThat(f.harness().sideEffects())
        .as("side effects of a refused submission")
        .isEqualTo(before);
  }

  /** A string default reaches the step unchanged. */
  @Test
  default void aStringParameterReachesTheStepAsItsDefault() {
    runWith("who", "the world", null);
    assertThat(fixture().value("show", "who")).isEqualTo("the world");
  }

  /** An integer default reaches the step as decimal text. */
  @Test
  default void anIntegerParameterReachesTheStepAsDecimalText() {
    runWith("n", 200, null);
    assertThat(fixture().value("show", "n")).isEqualTo("200");
  }

  /** A long default beyond int reaches the step whole. */
  @Test
  default void aLongParameterReachesTheStepWhole() {
    runWith("big", 9_000_000_000L, null);
    assertThat(fixture().value("show", "big")).isEqualTo("9000000000");
  }

  /** A double default reaches the step as its shortest decimal text. */
  @Test
  default void aDoubleParameterReachesTheStepAsItsShortestText() {
    runWith("rate", 0.25, null);
    assertThat(fixture().value("show", "rate")).isEqualTo("0.25");
  }

  /** A whole double keeps its decimal point, so the step can tell it from an integer. */
  @Test
  default void aWholeDoubleKeepsItsDecimalPoint() {
    runWith("rate", 2.0, null);
    assertThat(fixture().value("show", "rate")).isEqualTo("2.0");
  }

  /** A boolean default reaches the step as {@code true} or {@code false}. */
  @Test
  default void aBooleanParameterReachesTheStepInLowerCase() {
    runWith("flag", true, null);
    assertThat(fixture().value("show", "flag")).isEqualTo("true");
  }

  /** An override replaces a string default. */
  @Test
  default void aStringOverrideReplacesTheDefault() {
    runWith("who", "world", "sluice");
    assertThat(fixture().value("show", "who")).isEqualTo("sluice");
  }

  /** An override replaces an integer default. */
  @Test
  default void anIntegerOverrideReplacesTheDefault() {
    runWith("n", 200, 300);
    assertThat(fixture().value("show", "n")).isEqualTo("300");
  }

  /** An override replaces a double default, and an integer value is taken as a double. */
  @Test
  default void aDoubleOverrideMayBeGivenAsAnInteger() {
    runWith("rate", 0.25, 1);
    assertThat(fixture().value("show", "rate")).isEqualTo("1.0");
  }

  /** An override replaces a boolean default. */
  @Test
  default void aBooleanOverrideReplacesTheDefault() {
    runWith("flag", true, false);
    assertThat(fixture().value("show", "flag")).isEqualTo("false");
  }

  /** A parameter two steps use reaches both with the override. */
  @Test
  default void aParameterUsedByTwoStepsReachesBoth() {
    ContractFixture f = fixture();
    PipelineParameter<Integer> n = PipelineParameter.of("n", 1);
    SubmittedRun run =
        f.submit(
            f.compile(f.pipeline(f.step("a").value("n", n), f.step("b").value("n", n))),
            o -> o.putParameter("n", 7));
    assertThat(run.await()).isEqualTo(RunState.COMPLETED);
    assertThat(List.of(f.value("a", "n"), f.value("b", "n"))).containsExactly("7", "7");
  }

  /** An override of a parameter the pipeline does not have is refused before any side effect. */
  @Test
  default void anOverrideOfAnUnknownParameterIsRefusedBeforeAnySideEffect() {
    ContractFixture f = fixture();
    PipelineDefinition definition =
        f.compile(f.pipeline(f.step("show").value("p", PipelineParameter.of("p", 1))));
    List<String> before = f.harness().sideEffects();
    assertThatThrownBy(() -> f.submit(definition, o -> o.putParameter("q", 2)))
        .isInstanceOf(SluiceException.class)
        .hasMessageContainingAll("'q'", "p");
    assertThat(f.harness().sideEffects()).isEqualTo(before);
  }

  /** Text that is not a number is refused for an integer parameter. */
  @Test
  default void textForAnIntegerParameterIsRefusedBeforeAnySideEffect() {
    refused(1, "many", "'p'", "many", "INTEGER");
  }

  /** A fraction is refused for an integer parameter, never rounded. */
  @Test
  default void aFractionForAnIntegerParameterIsRefusedBeforeAnySideEffect() {
    refused(1, 2.5, "'p'", "2.5", "INTEGER");
  }

  /** A value beyond int is refused for an integer parameter, never wrapped. */
  @Test
  default void aValueBeyondIntForAnIntegerParameterIsRefusedBeforeAnySideEffect() {
    refused(1, 3_000_000_000L, "'p'", "3000000000", "INTEGER");
  }

  /** A number is refused for a boolean parameter. */
  @Test
  default void aNumberForABooleanParameterIsRefusedBeforeAnySideEffect() {
    refused(true, 1, "'p'", "BOOLEAN");
  }

  /** A number is refused for a string parameter: no silent conversion. */
  @Test
  default void aNumberForAStringParameterIsRefusedBeforeAnySideEffect() {
    refused("x", 5, "'p'", "STRING");
  }
}
