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
   * The source file of a notebook given by a relative path: Databricks names notebooks without
   * their extension, so {@code prep} and {@code ./prep.py} are both {@code prep.py}. The compiler,
   * the local runner and the transports all find the notebook through this one rule.
   *
   * @param notebookPath a notebook path relative to the source directory
   * @return the path of its {@code .py} source file
   */
  public static String notebookSourceFile(String notebookPath) {
    String path = notebookPath.startsWith("./") ? notebookPath.substring(2) : notebookPath;
    return path.endsWith(".py") ? path : path + ".py";
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
