package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.Library;
import java.util.List;
import java.util.Map;

/**
 * What a {@code DatabricksStep} runs. Exactly one of notebook path, Python script path, Python
 * script name and main class is set.
 *
 * @param notebookPath the notebook: a workspace path, or relative to the source directory
 * @param notebookParams widget values
 * @param pythonScriptPath a script on DBFS or in the workspace
 * @param pythonScriptName a script in the source directory
 * @param mainClassName a JAR's main class
 * @param parameters the script's or JAR's parameters
 * @param cluster the effective cluster, if one is known
 * @param libraries libraries to install
 * @param environment the name of the environment used to run the step locally, if any
 * @param runName the Databricks run name
 * @param timeoutSeconds the run's time limit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabricksTask(
    String notebookPath,
    Map<String, ArgumentDefinition> notebookParams,
    String pythonScriptPath,
    String pythonScriptName,
    String mainClassName,
    List<ArgumentDefinition> parameters,
    DatabricksCluster cluster,
    List<Library> libraries,
    String environment,
    String runName,
    Integer timeoutSeconds) {
  /** Normalises absent collections. */
  public DatabricksTask {
    notebookParams = Definitions.sortedMap(notebookParams);
    parameters = Definitions.list(parameters);
    libraries = Definitions.list(libraries);
  }

  /**
   * Which entry point the task has.
   *
   * @return {@code notebook}, {@code python_script}, {@code python_script_name} or {@code jar}
   */
  public String entryPoint() {
    if (notebookPath != null) {
      return "notebook";
    }
    if (pythonScriptPath != null) {
      return "python_script";
    }
    return pythonScriptName != null ? "python_script_name" : "jar";
  }
}
