package io.sluice.core.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.definition.ArgumentDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepArgumentsTest {
  private static String ports(String port) {
    return "abfss://lake/" + port;
  }

  @TempDir Path base;
  private PipelineDefinition definition;
  private Map<String, String> parameters;

  @BeforeEach
  void compile() {
    definition = SemanticsPipelines.compile(base);
    parameters =
        RunParameters.resolve(definition, Map.of("min_rows", 7))
            .texts((store, path) -> store + "/" + path);
  }

  private StepDefinition step(String name) {
    return definition.step(name).orElseThrow();
  }

  @Test
  void aNotebookGetsAWidgetPerParamInputAndOutputAndTheOutputWinsANameClash() {
    assertThat(StepArguments.notebookWidgets(step("prep"), parameters, StepArgumentsTest::ports))
        .containsExactly(
            Map.entry("clean_data", "abfss://lake/clean_data"),
            Map.entry("min_rows", "7"),
            Map.entry("raw_data", "abfss://lake/raw_data"));
  }

  @Test
  void aDatabricksScriptGetsDashNamePairsForInputsThenOutputsThenItsParameters() {
    assertThat(StepArguments.databricksArgv(step("score"), parameters, StepArgumentsTest::ports))
        .containsExactly("-clean_data", "abfss://lake/clean_data", "--limit", "7");
    assertThat(StepArguments.databricksArgv(step("prep"), parameters, StepArgumentsTest::ports))
        .containsExactly(
            "-raw_data", "abfss://lake/raw_data", "-clean_data", "abfss://lake/clean_data");
  }

  @Test
  void aScriptStepGetsItsArgumentsWithPortsAndParametersReplaced() {
    assertThat(StepArguments.scriptArguments(step("train"), parameters, StepArgumentsTest::ports))
        .containsExactly(
            "--input",
            "abfss://lake/clean_data",
            "--n-estimators",
            "200",
            "--learning-rate",
            "1.0",
            "--verbose",
            "true");
  }

  @Test
  void aScriptStepGetsItsParamsAsAmlParameterVariables() {
    assertThat(
            StepArguments.parameterEnvironment(step("train"), parameters, StepArgumentsTest::ports))
        .containsExactly(Map.entry("AML_PARAMETER_mode", "fast"));
    assertThat(StepArguments.parameterVariable("learning-rate"))
        .isEqualTo("AML_PARAMETER_learning_rate");
  }

  @Test
  void anArgumentNamingAnUndeclaredParameterOrPortIsRefused() {
    assertThatThrownBy(
            () ->
                StepArguments.value(
                    step("train"),
                    ArgumentDefinition.parameter("epochs"),
                    parameters,
                    StepArgumentsTest::ports))
        .isInstanceOf(StepReferenceException.class)
        .hasMessage(
            "Step 'train' uses parameter 'epochs', which the pipeline does not declare; declare it or"
                + " compile the pipeline again");
    assertThatThrownBy(
            () ->
                StepArguments.value(
                    step("train"),
                    ArgumentDefinition.port("model"),
                    parameters,
                    StepArgumentsTest::ports))
        .isInstanceOf(StepReferenceException.class)
        .hasMessage(
            "Step 'train' refers to 'model', which is none of its inputs or outputs; compile the pipeline again");
  }

  @Test
  void aLiteralIsPassedAsIs() {
    assertThat(
            StepArguments.value(
                step("train"),
                ArgumentDefinition.literal("--x y"),
                parameters,
                StepArgumentsTest::ports))
        .isEqualTo("--x y");
  }
}
