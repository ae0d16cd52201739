package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a {@code PythonScriptStep} runs.
 *
 * @param scriptName the script, relative to the source directory
 * @param arguments its command line
 * @param environment the name of its environment, if any
 * @param maxRunDurationSeconds its time limit, if any
 * @param nodeCount nodes for distributed runs
 * @param environmentVariables variables set for it
 * @param runconfigPipelineParams run configuration properties taken from parameters
 * @param params values passed as {@code AML_PARAMETER_<name>}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PythonScriptTask(
    String scriptName,
    List<ArgumentDefinition> arguments,
    String environment,
    Integer maxRunDurationSeconds,
    int nodeCount,
    Map<String, String> environmentVariables,
    Map<String, String> runconfigPipelineParams,
    Map<String, ArgumentDefinition> params)
    implements StepTask {
  /** Normalises absent collections. */
  public PythonScriptTask {
    arguments = Definitions.list(arguments);
    environmentVariables = Definitions.sortedMap(environmentVariables);
    runconfigPipelineParams = Definitions.sortedMap(runconfigPipelineParams);
    params = Definitions.sortedMap(params);
  }

  /**
   * Starts a task with nothing set but one node.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PythonScriptTask}: one node, and null or empty for what is left unset. */
  public static final class Builder {
    private String scriptName;
    private List<ArgumentDefinition> arguments;
    private String environment;
    private Integer maxRunDurationSeconds;
    private int nodeCount = 1;
    private Map<String, String> environmentVariables;
    private Map<String, String> runconfigPipelineParams;
    private Map<String, ArgumentDefinition> params;

    private Builder() {}

    /**
     * Sets the script, relative to the source directory.
     *
     * @param scriptName the script, relative to the source directory
     * @return this builder
     */
    public Builder scriptName(String scriptName) {
      this.scriptName = scriptName;
      return this;
    }

    /**
     * Sets its command line.
     *
     * @param arguments its command line
     * @return this builder
     */
    public Builder arguments(List<ArgumentDefinition> arguments) {
      this.arguments = arguments;
      return this;
    }

    /**
     * Sets the name of its environment, if any.
     *
     * @param environment the name of its environment, if any
     * @return this builder
     */
    public Builder environment(String environment) {
      this.environment = environment;
      return this;
    }

    /**
     * Sets its time limit, if any.
     *
     * @param maxRunDurationSeconds its time limit, if any
     * @return this builder
     */
    public Builder maxRunDurationSeconds(Integer maxRunDurationSeconds) {
      this.maxRunDurationSeconds = maxRunDurationSeconds;
      return this;
    }

    /**
     * Sets nodes for distributed runs.
     *
     * @param nodeCount nodes for distributed runs; 1 by default
     * @return this builder
     */
    public Builder nodeCount(int nodeCount) {
      this.nodeCount = nodeCount;
      return this;
    }

    /**
     * Sets variables set for it.
     *
     * @param environmentVariables variables set for it
     * @return this builder
     */
    public Builder environmentVariables(Map<String, String> environmentVariables) {
      this.environmentVariables = environmentVariables;
      return this;
    }

    /**
     * Sets run configuration properties taken from parameters.
     *
     * @param runconfigPipelineParams run configuration properties taken from parameters
     * @return this builder
     */
    public Builder runconfigPipelineParams(Map<String, String> runconfigPipelineParams) {
      this.runconfigPipelineParams = runconfigPipelineParams;
      return this;
    }

    /**
     * Sets values passed as {@code AML_PARAMETER_<name>}.
     *
     * @param params values passed as {@code AML_PARAMETER_<name>}
     * @return this builder
     */
    public Builder params(Map<String, ArgumentDefinition> params) {
      this.params = params;
      return this;
    }

    /**
     * Builds the task.
     *
     * @return a new task
     */
    public PythonScriptTask build() {
      return new PythonScriptTask(
          scriptName,
          arguments,
          environment,
          maxRunDurationSeconds,
          nodeCount,
          environmentVariables,
          runconfigPipelineParams,
          params);
    }
  }
}
