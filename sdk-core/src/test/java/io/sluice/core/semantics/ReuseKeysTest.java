package io.sluice.core.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReuseKeysTest {
  private static final Map<String, String> INPUTS = Map.of("clean_data", "hash-1");

  @TempDir Path base;
  private PipelineDefinition definition;

  @BeforeEach
  void compile() {
    definition = SemanticsPipelines.compile(base);
  }

  private StepDefinition step(String name) {
    return definition.step(name).orElseThrow();
  }

  private Map<String, String> texts(Map<String, ?> overrides) {
    return RunParameters.resolve(definition, overrides).texts((store, path) -> store + "/" + path);
  }

  @Test
  void aStepReferencesTheParametersOfItsArgumentsWidgetsScriptParametersAndParams() {
    assertThat(ReuseKeys.referencedParameters(step("prep"))).containsExactly("min_rows");
    assertThat(ReuseKeys.referencedParameters(step("train")))
        .containsExactly("learning_rate", "mode", "n_estimators", "verbose");
    assertThat(ReuseKeys.referencedParameters(step("score"))).containsExactly("min_rows");
  }

  @Test
  void changingAParameterOnlyOneStepUsesChangesOnlyThatStepsKey() {
    Map<String, String> before = texts(Map.of());
    Map<String, String> after = texts(Map.of("n_estimators", 300));

    assertThat(ReuseKeys.key(step("train"), INPUTS, after))
        .isNotEqualTo(ReuseKeys.key(step("train"), INPUTS, before));
    assertThat(ReuseKeys.key(step("prep"), Map.of(), after))
        .isEqualTo(ReuseKeys.key(step("prep"), Map.of(), before));
    assertThat(ReuseKeys.key(step("score"), INPUTS, after))
        .isEqualTo(ReuseKeys.key(step("score"), INPUTS, before));
  }

  @Test
  void aParameterNoStepUsesChangesNoKey() {
    Map<String, String> before = texts(Map.of());
    Map<String, String> after = texts(Map.of("source", "raw:elsewhere.csv"));

    for (StepDefinition each : definition.steps()) {
      assertThat(ReuseKeys.key(each, INPUTS, after)).isEqualTo(ReuseKeys.key(each, INPUTS, before));
    }
  }

  @Test
  void changedInputDataChangesTheKey() {
    Map<String, String> parameters = texts(Map.of());

    assertThat(ReuseKeys.key(step("train"), Map.of("clean_data", "hash-2"), parameters))
        .isNotEqualTo(ReuseKeys.key(step("train"), INPUTS, parameters));
  }

  @Test
  void aRerunNamesEachChangedParameterWithItsOldAndNewValue() {
    Map<String, String> before = ReuseKeys.usedParameters(step("train"), texts(Map.of()));
    Map<String, String> after =
        ReuseKeys.usedParameters(step("train"), texts(Map.of("n_estimators", 300)));

    assertThat(ReuseKeys.parameterChanges(before, after))
        .containsExactly("parameter n_estimators changed: 200 -> 300");
    assertThat(ReuseKeys.parameterChanges(Map.of("a", "1"), Map.of("b", "2")))
        .containsExactly("parameter a is no longer used", "parameter b is now used: 2");
    assertThat(ReuseKeys.parameterChanges(before, before)).isEmpty();
  }

  @Test
  void theDefinitionFingerprintFollowsTheDefinition() {
    assertThat(ReuseKeys.definitionFingerprint(definition))
        .isEqualTo(ReuseKeys.definitionFingerprint(SemanticsPipelines.compile(base)))
        .matches("[0-9a-f]{64}");
  }
}
