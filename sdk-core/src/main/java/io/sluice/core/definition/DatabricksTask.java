package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a {@code DatabricksStep} runs: a notebook, a Python script (on DBFS or in the workspace, or
 * in the source directory) or a JAR's main class, with what every entry point shares.
 */
public sealed interface DatabricksTask extends StepTask
    permits DatabricksTask.Notebook,
        DatabricksTask.PythonScript,
        DatabricksTask.PythonScriptName,
        DatabricksTask.Jar {

  /**
   * The cluster the task runs on.
   *
   * @return the effective cluster, or null when none is known
   */
  ClusterDefinition cluster();

  /**
   * Libraries installed for the task.
   *
   * @return the libraries
   */
  List<LibraryDefinition> libraries();

  /**
   * The Databricks run name.
   *
   * @return the run name, or null
   */
  String runName();

  /**
   * The run's time limit.
   *
   * @return seconds, or null
   */
  Integer timeoutSeconds();

  /**
   * Which entry point the task has, in the words of the Databricks Jobs API.
   *
   * @return {@code notebook}, {@code python_script}, {@code python_script_name} or {@code jar}
   */
  @JsonIgnore
  String entryPoint();

  /**
   * The source file of a notebook given by a relative path: Databricks names notebooks without
   * their extension, so {@code prep} and {@code ./prep.py} are both {@code prep.py}. The compiler,
   * the local runner and the transports all find the notebook through this one rule.
   *
   * @param notebookPath a notebook path relative to the source directory
   * @return the path of its {@code .py} source file
   */
  static String notebookSourceFile(String notebookPath) {
    String path = notebookPath.startsWith("./") ? notebookPath.substring(2) : notebookPath;
    return path.endsWith(".py") ? path : path + ".py";
  }

  /**
   * A notebook.
   *
   * @param notebookPath a workspace path, or relative to the source directory
   * @param notebookParams widget values
   * @param cluster the effective cluster, if one is known
   * @param libraries libraries to install
   * @param environment the environment used to run the step locally, if any
   * @param runName the Databricks run name
   * @param timeoutSeconds the run's time limit
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Notebook(
      String notebookPath,
      Map<String, ArgumentDefinition> notebookParams,
      ClusterDefinition cluster,
      List<LibraryDefinition> libraries,
      String environment,
      String runName,
      Integer timeoutSeconds)
      implements DatabricksTask {
    /** Normalises absent collections. */
    public Notebook {
      notebookParams = Definitions.sortedMap(notebookParams);
      libraries = Definitions.list(libraries);
    }

    @Override
    public String entryPoint() {
      return "notebook";
    }
  }

  /**
   * A Python script on DBFS or in the workspace.
   *
   * @param pythonScriptPath the script's path
   * @param parameters the script's command line
   * @param cluster the effective cluster, if one is known
   * @param libraries libraries to install
   * @param environment the environment used to run the step locally, if any
   * @param runName the Databricks run name
   * @param timeoutSeconds the run's time limit
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PythonScript(
      String pythonScriptPath,
      List<ArgumentDefinition> parameters,
      ClusterDefinition cluster,
      List<LibraryDefinition> libraries,
      String environment,
      String runName,
      Integer timeoutSeconds)
      implements DatabricksTask {
    /** Normalises absent collections. */
    public PythonScript {
      parameters = Definitions.list(parameters);
      libraries = Definitions.list(libraries);
    }

    @Override
    public String entryPoint() {
      return "python_script";
    }
  }

  /**
   * A Python script in the step's source directory, uploaded when the step runs.
   *
   * @param pythonScriptName the script, relative to the source directory
   * @param parameters the script's command line
   * @param cluster the effective cluster, if one is known
   * @param libraries libraries to install
   * @param environment the environment used to run the step locally, if any
   * @param runName the Databricks run name
   * @param timeoutSeconds the run's time limit
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PythonScriptName(
      String pythonScriptName,
      List<ArgumentDefinition> parameters,
      ClusterDefinition cluster,
      List<LibraryDefinition> libraries,
      String environment,
      String runName,
      Integer timeoutSeconds)
      implements DatabricksTask {
    /** Normalises absent collections. */
    public PythonScriptName {
      parameters = Definitions.list(parameters);
      libraries = Definitions.list(libraries);
    }

    @Override
    public String entryPoint() {
      return "python_script_name";
    }
  }

  /**
   * A JAR's main class; the JAR comes from the task's libraries.
   *
   * @param mainClassName the main class
   * @param parameters the JAR's command line
   * @param cluster the effective cluster, if one is known
   * @param libraries libraries to install, the JAR among them
   * @param environment the environment used to run the step locally, if any
   * @param runName the Databricks run name
   * @param timeoutSeconds the run's time limit
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Jar(
      String mainClassName,
      List<ArgumentDefinition> parameters,
      ClusterDefinition cluster,
      List<LibraryDefinition> libraries,
      String environment,
      String runName,
      Integer timeoutSeconds)
      implements DatabricksTask {
    /** Normalises absent collections. */
    public Jar {
      parameters = Definitions.list(parameters);
      libraries = Definitions.list(libraries);
    }

    @Override
    public String entryPoint() {
      return "jar";
    }
  }
}
