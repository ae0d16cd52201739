package io.sluice.azureml.models;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every job type shares: names, compute, tags, inputs and outputs.
 *
 * @param <S> the concrete job type, returned by the fluent setters
 */
public abstract sealed class JobDefinition<S extends JobDefinition<S>>
    permits CommandJob, PipelineJob {
  private String displayName;
  private String experimentName;
  private String description;
  private String computeId;
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final Map<String, JobInput> inputs = new LinkedHashMap<>();
  private final Map<String, JobOutput> outputs = new LinkedHashMap<>();

  JobDefinition() {}

  /** Returns {@code Command} or {@code Pipeline}. */
  public abstract String getJobType();

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  /** Returns the name shown in the studio, or null. */
  public String getDisplayName() {
    return displayName;
  }

  /**
   * Sets the name shown in the studio.
   *
   * @param displayName the name
   * @return this job
   */
  public S setDisplayName(String displayName) {
    this.displayName = displayName;
    return self();
  }

  /** Returns the experiment the job belongs to, or null for {@code Default}. */
  public String getExperimentName() {
    return experimentName;
  }

  /**
   * Sets the experiment.
   *
   * @param experimentName the experiment's name
   * @return this job
   */
  public S setExperimentName(String experimentName) {
    this.experimentName = experimentName;
    return self();
  }

  /** Returns the description, or null. */
  public String getDescription() {
    return description;
  }

  /**
   * Sets the description.
   *
   * @param description the description
   * @return this job
   */
  public S setDescription(String description) {
    this.description = description;
    return self();
  }

  /** Returns the compute's ARM id, or null. */
  public String getComputeId() {
    return computeId;
  }

  /**
   * Sets the compute, by ARM id or, inside a pipeline job, by name.
   *
   * @param computeId the compute
   * @return this job
   */
  public S setComputeId(String computeId) {
    this.computeId = computeId;
    return self();
  }

  /** Returns the tags, modifiable. */
  public Map<String, String> getTags() {
    return tags;
  }

  /** Returns the inputs by name, modifiable. */
  public Map<String, JobInput> getInputs() {
    return inputs;
  }

  /**
   * Adds an input.
   *
   * @param name the input's name
   * @param input the input
   * @return this job
   */
  public S addInput(String name, JobInput input) {
    inputs.put(name, input);
    return self();
  }

  /** Returns the outputs by name, modifiable. */
  public Map<String, JobOutput> getOutputs() {
    return outputs;
  }

  /**
   * Adds an output.
   *
   * @param name the output's name
   * @param output the output
   * @return this job
   */
  public S addOutput(String name, JobOutput output) {
    outputs.put(name, output);
    return self();
  }
}
