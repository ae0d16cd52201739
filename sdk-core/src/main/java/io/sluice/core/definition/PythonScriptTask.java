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
}
