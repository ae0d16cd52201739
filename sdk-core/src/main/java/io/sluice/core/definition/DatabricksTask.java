package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.core.SluiceException;
import java.util.List;
import java.util.Map;

/**
 * What a {@code DatabricksStep} runs: a notebook, a Python script (on DBFS or in the workspace, or
 * in the source directory) or a JAR's main class, with what every entry point shares. Build one
 * with {@link #builder()}:
 *
 * <pre>{@code
 * DatabricksTask prep = DatabricksTask.builder()
 *     .notebook("prep", Map.of("mode", ArgumentDefinition.literal("strict")))
 *     .cluster(ClusterDefinition.existing("0101-123456-abcdefgh"))
 *     .timeoutSeconds(3600)
 *     .build();
 * }</pre>
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
   * Starts a task; one entry point must be set.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

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

  /**
   * Builds a {@link DatabricksTask} of the entry point set last: {@link #notebook}, {@link
   * #pythonScript}, {@link #pythonScriptName} or {@link #jar}. A value left unset is null, or empty
   * for a collection.
   */
  final class Builder {
    private enum EntryPoint {
      NOTEBOOK,
      PYTHON_SCRIPT,
      PYTHON_SCRIPT_NAME,
      JAR
    }

    private EntryPoint entryPoint;
    private String entry;
    private Map<String, ArgumentDefinition> notebookParams;
    private List<ArgumentDefinition> parameters;
    private ClusterDefinition cluster;
    private List<LibraryDefinition> libraries;
    private String environment;
    private String runName;
    private Integer timeoutSeconds;

    private Builder() {}

    /**
     * Runs a notebook.
     *
     * @param notebookPath a workspace path, or relative to the source directory
     * @param notebookParams widget values
     * @return this builder
     */
    public Builder notebook(String notebookPath, Map<String, ArgumentDefinition> notebookParams) {
      return entryPoint(EntryPoint.NOTEBOOK, notebookPath, notebookParams, null);
    }

    /**
     * Runs a Python script on DBFS or in the workspace.
     *
     * @param pythonScriptPath the script's path
     * @param parameters the script's command line
     * @return this builder
     */
    public Builder pythonScript(String pythonScriptPath, List<ArgumentDefinition> parameters) {
      return entryPoint(EntryPoint.PYTHON_SCRIPT, pythonScriptPath, null, parameters);
    }

    /**
     * Runs a Python script of the step's source directory, uploaded when the step runs.
     *
     * @param pythonScriptName the script, relative to the source directory
     * @param parameters the script's command line
     * @return this builder
     */
    public Builder pythonScriptName(String pythonScriptName, List<ArgumentDefinition> parameters) {
      return entryPoint(EntryPoint.PYTHON_SCRIPT_NAME, pythonScriptName, null, parameters);
    }

    /**
     * Runs a JAR's main class.
     *
     * @param mainClassName the class
     * @param parameters its command line
     * @return this builder
     */
    public Builder jar(String mainClassName, List<ArgumentDefinition> parameters) {
      return entryPoint(EntryPoint.JAR, mainClassName, null, parameters);
    }

    /**
     * Sets the cluster the task runs on.
     *
     * @param cluster the effective cluster, if one is known
     * @return this builder
     */
    public Builder cluster(ClusterDefinition cluster) {
      this.cluster = cluster;
      return this;
    }

    /**
     * Sets the libraries installed for the task.
     *
     * @param libraries the libraries
     * @return this builder
     */
    public Builder libraries(List<LibraryDefinition> libraries) {
      this.libraries = libraries;
      return this;
    }

    /**
     * Sets the environment the step runs in locally.
     *
     * @param environment the environment's name, or null
     * @return this builder
     */
    public Builder environment(String environment) {
      this.environment = environment;
      return this;
    }

    /**
     * Sets the Databricks run name.
     *
     * @param runName the run name
     * @return this builder
     */
    public Builder runName(String runName) {
      this.runName = runName;
      return this;
    }

    /**
     * Sets the run's time limit.
     *
     * @param timeoutSeconds seconds, or null for none
     * @return this builder
     */
    public Builder timeoutSeconds(Integer timeoutSeconds) {
      this.timeoutSeconds = timeoutSeconds;
      return this;
    }

    /**
     * Builds the task.
     *
     * @return a task of the entry point set last
     * @throws SluiceException when no entry point is set
     */
    public DatabricksTask build() {
      if (entryPoint == null) {
        throw new SluiceException(
            "A Databricks task has no entry point; call notebook(...), pythonScript(...),"
                + " pythonScriptName(...) or jar(...)");
      }
      return switch (entryPoint) {
        case NOTEBOOK ->
            new Notebook(
                entry, notebookParams, cluster, libraries, environment, runName, timeoutSeconds);
        case PYTHON_SCRIPT ->
            new PythonScript(
                entry, parameters, cluster, libraries, environment, runName, timeoutSeconds);
        case PYTHON_SCRIPT_NAME ->
            new PythonScriptName(
                entry, parameters, cluster, libraries, environment, runName, timeoutSeconds);
        case JAR ->
            new Jar(entry, parameters, cluster, libraries, environment, runName, timeoutSeconds);
      };
    }

    private Builder entryPoint(
        EntryPoint point,
        String entry,
        Map<String, ArgumentDefinition> notebookParams,
        List<ArgumentDefinition> parameters) {
      this.entryPoint = point;
      this.entry = entry;
      this.notebookParams = notebookParams;
      this.parameters = parameters;
      return this;
    }
  }
}
