package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A compiled step.
 *
 * @param name the step's name
 * @param compute the name of its compute target
 * @param inputs what it reads
 * @param outputs the names of the data it writes
 * @param dependsOn the steps that must finish first, sorted
 * @param allowReuse whether earlier results may be reused
 * @param version a free tag
 * @param sourceDirectory the local folder of its code, as given
 * @param task what it runs
 * @param fingerprint its fingerprint
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepDefinition(
    String name,
    String compute,
    List<InputDefinition> inputs,
    List<String> outputs,
    List<String> dependsOn,
    boolean allowReuse,
    String version,
    String sourceDirectory,
    StepTask task,
    Fingerprint fingerprint) {

  /** The type name of a Python script step. */
  public static final String PYTHON_SCRIPT = "PythonScriptStep";

  /** The type name of a Databricks step. */
  public static final String DATABRICKS = "DatabricksStep";

  /** Normalises absent collections. */
  public StepDefinition {
    inputs = Definitions.list(inputs);
    outputs = Definitions.list(outputs);
    dependsOn = Definitions.list(dependsOn);
  }

  /**
   * This step without its fingerprint, the part the fingerprint is computed over.
   *
   * @return a copy with no fingerprint
   */
  public StepDefinition withoutFingerprint() {
    return fingerprint == null ? this : withFingerprint(null);
  }

  /**
   * This step with a fingerprint.
   *
   * @param value the fingerprint
   * @return a copy
   */
  public StepDefinition withFingerprint(Fingerprint value) {
    return new StepDefinition(
        name,
        compute,
        inputs,
        outputs,
        dependsOn,
        allowReuse,
        version,
        sourceDirectory,
        task,
        value);
  }

  /**
   * The step's Azure ML v1 type name, which reports and graphs show.
   *
   * @return {@link #DATABRICKS} for a Databricks task, else {@link #PYTHON_SCRIPT}
   */
  @JsonIgnore
  public String type() {
    return task instanceof DatabricksTask ? DATABRICKS : PYTHON_SCRIPT;
  }

  /**
   * An input by name.
   *
   * @param inputName the input's name
   * @return the input, if the step has it
   */
  @JsonIgnore
  public Optional<InputDefinition> input(String inputName) {
    return inputs.stream().filter(i -> i.name().equals(inputName)).findFirst();
  }
}
