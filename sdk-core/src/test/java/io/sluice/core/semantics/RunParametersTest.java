package io.sluice.core.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.definition.DataPathDefinition;
import io.sluice.core.definition.PipelineDefinition;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunParametersTest {
  private static final DataLocationResolver LAKE =
      (datastore, path) -> "abfss://" + datastore + "@lake/" + path;

  @TempDir Path base;
  private PipelineDefinition definition;

  @BeforeEach
  void compile() {
    definition = SemanticsPipelines.compile(base);
  }

  @Test
  void defaultsAreRenderedAsTextWithTheirTypesRules() {
    assertThat(RunParameters.resolve(definition, Map.of()).texts(LAKE))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "learning_rate", "1.0",
                "min_rows", "5",
                "mode", "fast",
                "n_estimators", "200",
                "source", "abfss://raw@lake/customers.csv",
                "verbose", "true"));
  }

  @Test
  void overridesReplaceDefaultsAndRenderAsTheDefaultsDo() {
    Map<String, String> texts =
        RunParameters.resolve(
                definition, Map.of("learning_rate", 2, "n_estimators", 300L, "verbose", false))
            .texts(LAKE);

    // A whole number given for a DOUBLE renders as the double default does: 2.0, never 2.
    assertThat(texts)
        .containsEntry("learning_rate", "2.0")
        .containsEntry("n_estimators", "300")
        .containsEntry("verbose", "false");
  }

  @Test
  void textOverridesAreParsedToTheDeclaredType() {
    RunParameters parameters =
        RunParameters.resolve(
            definition,
            Map.of(
                "n_estimators",
                "300",
                "learning_rate",
                "0.5",
                "verbose",
                "TRUE",
                "source",
                "raw:2024/orders.csv"));

    assertThat(parameters.values())
        .containsEntry("n_estimators", 300)
        .containsEntry("learning_rate", 0.5)
        .containsEntry("verbose", true)
        .containsEntry("source", new DataPathDefinition("raw", "2024/orders.csv"));
  }

  @Test
  void aDataPathOverrideIsResolvedByTheTransportsResolver() {
    RunParameters parameters =
        RunParameters.resolve(
            definition, Map.of("source", SemanticsPipelines.RAW.path("2024/orders.csv")));

    assertThat(parameters.texts(LAKE)).containsEntry("source", "abfss://raw@lake/2024/orders.csv");
    assertThat(parameters.texts((store, path) -> "/mnt/" + store + "/" + path))
        .containsEntry("source", "/mnt/raw/2024/orders.csv");
  }

  @Test
  void aDataPathOnAnUndeclaredDatastoreIsRefused() {
    assertThatThrownBy(
            () -> RunParameters.resolve(definition, Map.of("source", "elsewhere:orders.csv")))
        .isInstanceOf(ParameterValueException.class)
        .hasMessage(
            "Parameter 'source' was given the path 'orders.csv' on datastore 'elsewhere', which pipeline"
                + " 'semantics' does not declare; use one of its datastores: raw, work");
  }

  @Test
  void anUnknownParameterIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> RunParameters.resolve(definition, Map.of("n_estimator", 3)))
        .isInstanceOf(ParameterValueException.class)
        .hasMessage(
            "Parameter 'n_estimator' does not exist in pipeline 'semantics'; known parameters:"
                + " learning_rate, min_rows, mode, n_estimators, source, verbose. Fix the name or remove the override")
        .extracting(e -> ((ParameterValueException) e).parameter())
        .isEqualTo("n_estimator");
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedNamingTheParameterValueTypeAndFix() {
    assertThatThrownBy(() -> RunParameters.resolve(definition, Map.of("n_estimators", "ten")))
        .isInstanceOf(ParameterValueException.class)
        .hasMessage(
            "Parameter 'n_estimators' is INTEGER but was given 'ten' (String); pass an Integer between"
                + " -2147483648 and 2147483647, e.g. 300");
    assertThatThrownBy(() -> RunParameters.resolve(definition, Map.of("verbose", 1)))
        .isInstanceOf(ParameterValueException.class)
        .hasMessage(
            "Parameter 'verbose' is BOOLEAN but was given '1' (Integer); pass a Boolean, or the text true or false");
    assertThatThrownBy(() -> RunParameters.resolve(definition, Map.of("mode", 3)))
        .hasMessage("Parameter 'mode' is STRING but was given '3' (Integer); pass a String");
  }

  @Test
  void anIntegerBeyondIntIsRefusedNeverWrapped() {
    assertThatThrownBy(
            () -> RunParameters.resolve(definition, Map.of("n_estimators", 4_294_967_496L)))
        .isInstanceOf(ParameterValueException.class)
        .hasMessageStartingWith(
            "Parameter 'n_estimators' is INTEGER but was given '4294967496' (Long)");
    assertThatThrownBy(() -> RunParameters.resolve(definition, Map.of("n_estimators", 2.5)))
        .isInstanceOf(ParameterValueException.class);
  }

  @Test
  void aNonFiniteDoubleIsRefused() {
    assertThatThrownBy(() -> RunParameters.resolve(definition, Map.of("learning_rate", Double.NaN)))
        .isInstanceOf(ParameterValueException.class)
        .hasMessage(
            "Parameter 'learning_rate' is DOUBLE but was given 'NaN' (Double); pass a finite Double (or any"
                + " number), e.g. 0.5");
  }

  @Test
  void valueOfAnUndeclaredNameIsRefused() {
    RunParameters parameters = RunParameters.resolve(definition, Map.of());

    assertThat(parameters.value("min_rows")).isEqualTo(5);
    assertThatThrownBy(() -> parameters.value("nope"))
        .isInstanceOf(ParameterValueException.class)
        .hasMessageContaining("'nope' does not exist in pipeline 'semantics'");
  }
}
