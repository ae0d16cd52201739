package io.sluice.databricks.models;

import java.util.List;

/**
 * One task of a submitted run or a job. Exactly one task type and at most one compute source is
 * set.
 *
 * @param taskKey the task's unique key
 * @param dependsOn the tasks that must succeed first
 * @param existingClusterId an existing cluster to run on
 * @param newCluster a new job cluster made for this task
 * @param jobClusterKey a shared job cluster of a job ({@code jobs/create} only)
 * @param libraries libraries to install first
 * @param notebookTask a notebook to run
 * @param sparkPythonTask a Python file to run
 * @param sparkJarTask a JAR main class to run
 * @param sparkSubmitTask a spark-submit command line
 * @param timeoutSeconds the task's time limit
 * @param maxRetries retries after a failure; 0 for none
 */
public record JobTask(
    String taskKey,
    List<TaskDependency> dependsOn,
    String existingClusterId,
    ClusterSpec newCluster,
    String jobClusterKey,
    List<ClusterLibrary> libraries,
    NotebookTask notebookTask,
    SparkPythonTask sparkPythonTask,
    SparkJarTask sparkJarTask,
    SparkSubmitTask sparkSubmitTask,
    Integer timeoutSeconds,
    Integer maxRetries) {
  /** Copies the lists; absent lists stay null so that they are left out of the request. */
  public JobTask {
    dependsOn = dependsOn == null || dependsOn.isEmpty() ? null : List.copyOf(dependsOn);
    libraries = libraries == null || libraries.isEmpty() ? null : List.copyOf(libraries);
  }
}
