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
    return toBuilder().fingerprint(value).build();
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

  /**
   * Starts a step with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a copy of this step, to change some of its values.
   *
   * @return a new builder holding this step's values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link StepDefinition}: reuse allowed, and null or empty for what is left unset. */
  public static final class Builder {
    private String name;
    private String compute;
    private List<InputDefinition> inputs;
    private List<String> outputs;
    private List<String> dependsOn;
    private boolean allowReuse = true;
    private String version;
    private String sourceDirectory;
    private StepTask task;
    private Fingerprint fingerprint;

    private Builder() {}

    private Builder(StepDefinition step) {
      name = step.name;
      compute = step.compute;
      inputs = step.inputs;
      outputs = step.outputs;
      dependsOn = step.dependsOn;
      allowReuse = step.allowReuse;
      version = step.version;
      sourceDirectory = step.sourceDirectory;
      task = step.task;
      fingerprint = step.fingerprint;
    }

    /**
     * Sets the step's name.
     *
     * @param name the step's name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the name of its compute target.
     *
     * @param compute the name of its compute target
     * @return this builder
     */
    public Builder compute(String compute) {
      this.compute = compute;
      return this;
    }

    /**
     * Sets what it reads.
     *
     * @param inputs what it reads
     * @return this builder
     */
    public Builder inputs(List<InputDefinition> inputs) {
      this.inputs = inputs;
      return this;
    }

    /**
     * Sets the names of the data it writes.
     *
     * @param outputs the names of the data it writes
     * @return this builder
     */
    public Builder outputs(List<String> outputs) {
      this.outputs = outputs;
      return this;
    }

    /**
     * Sets the steps that must finish first, sorted.
     *
     * @param dependsOn the steps that must finish first, sorted
     * @return this builder
     */
    public Builder dependsOn(List<String> dependsOn) {
      this.dependsOn = dependsOn;
      return this;
    }

    /**
     * Sets whether earlier results may be reused.
     *
     * @param allowReuse whether earlier results may be reused; true by default
     * @return this builder
     */
    public Builder allowReuse(boolean allowReuse) {
      this.allowReuse = allowReuse;
      return this;
    }

    /**
     * Sets a free tag.
     *
     * @param version a free tag
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * Sets the local folder of its code, as given.
     *
     * @param sourceDirectory the local folder of its code, as given
     * @return this builder
     */
    public Builder sourceDirectory(String sourceDirectory) {
      this.sourceDirectory = sourceDirectory;
      return this;
    }

    /**
     * Sets what it runs.
     *
     * @param task what it runs
     * @return this builder
     */
    public Builder task(StepTask task) {
      this.task = task;
      return this;
    }

    /**
     * Sets its fingerprint.
     *
     * @param fingerprint its fingerprint
     * @return this builder
     */
    public Builder fingerprint(Fingerprint fingerprint) {
      this.fingerprint = fingerprint;
      return this;
    }

    /**
     * Builds the step.
     *
     * @return a new step
     */
    public StepDefinition build() {
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
          fingerprint);
    }
  }
}
