package io.sluice.databricks.models;

import java.util.List;

/**
 * One task of a submitted run or a job. Exactly one task type and at most one compute source is
 * set. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * JobTask task = JobTask.builder()
 *     .taskKey("prep")
 *     .notebookTask(new NotebookTask("/Shared/prep", Map.of("raw_data", "/Volumes/main/raw")))
 *     .newCluster(cluster)
 *     .timeoutSeconds(3600)
 *     .build();
 * }</pre>
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

  /**
   * Starts a task with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a copy of this task, to change some of its values.
   *
   * @return a new builder holding this task's values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link JobTask}; a value left unset is left out of the request. */
  public static final class Builder {
    private String taskKey;
    private List<TaskDependency> dependsOn;
    private String existingClusterId;
    private ClusterSpec newCluster;
    private String jobClusterKey;
    private List<ClusterLibrary> libraries;
    private NotebookTask notebookTask;
    private SparkPythonTask sparkPythonTask;
    private SparkJarTask sparkJarTask;
    private SparkSubmitTask sparkSubmitTask;
    private Integer timeoutSeconds;
    private Integer maxRetries;

    private Builder() {}

    private Builder(JobTask task) {
      taskKey = task.taskKey;
      dependsOn = task.dependsOn;
      existingClusterId = task.existingClusterId;
      newCluster = task.newCluster;
      jobClusterKey = task.jobClusterKey;
      libraries = task.libraries;
      notebookTask = task.notebookTask;
      sparkPythonTask = task.sparkPythonTask;
      sparkJarTask = task.sparkJarTask;
      sparkSubmitTask = task.sparkSubmitTask;
      timeoutSeconds = task.timeoutSeconds;
      maxRetries = task.maxRetries;
    }

    /**
     * Sets the task's key, unique within its run or job.
     *
     * @param taskKey the key
     * @return this builder
     */
    public Builder taskKey(String taskKey) {
      this.taskKey = taskKey;
      return this;
    }

    /**
     * Sets the tasks that must succeed first.
     *
     * @param dependsOn the tasks; empty or null for none
     * @return this builder
     */
    public Builder dependsOn(List<TaskDependency> dependsOn) {
      this.dependsOn = dependsOn;
      return this;
    }

    /**
     * Runs the task on an existing cluster.
     *
     * @param existingClusterId the cluster's id
     * @return this builder
     */
    public Builder existingClusterId(String existingClusterId) {
      this.existingClusterId = existingClusterId;
      return this;
    }

    /**
     * Runs the task on a new job cluster made for it.
     *
     * @param newCluster the cluster's shape
     * @return this builder
     */
    public Builder newCluster(ClusterSpec newCluster) {
      this.newCluster = newCluster;
      return this;
    }

    /**
     * Runs the task on a job cluster the job's tasks share ({@code jobs/create} only).
     *
     * @param jobClusterKey the key of one of the job's {@link JobCluster}s
     * @return this builder
     */
    public Builder jobClusterKey(String jobClusterKey) {
      this.jobClusterKey = jobClusterKey;
      return this;
    }

    /**
     * Sets the libraries installed before the task runs.
     *
     * @param libraries the libraries; empty or null for none
     * @return this builder
     */
    public Builder libraries(List<ClusterLibrary> libraries) {
      this.libraries = libraries;
      return this;
    }

    /**
     * Makes the task run a notebook.
     *
     * @param notebookTask the notebook and its widget values
     * @return this builder
     */
    public Builder notebookTask(NotebookTask notebookTask) {
      this.notebookTask = notebookTask;
      return this;
    }

    /**
     * Makes the task run a Python file.
     *
     * @param sparkPythonTask the file and its command line
     * @return this builder
     */
    public Builder sparkPythonTask(SparkPythonTask sparkPythonTask) {
      this.sparkPythonTask = sparkPythonTask;
      return this;
    }

    /**
     * Makes the task run a JAR's main class.
     *
     * @param sparkJarTask the class and its command line
     * @return this builder
     */
    public Builder sparkJarTask(SparkJarTask sparkJarTask) {
      this.sparkJarTask = sparkJarTask;
      return this;
    }

    /**
     * Makes the task run a spark-submit command line.
     *
     * @param sparkSubmitTask the command line
     * @return this builder
     */
    public Builder sparkSubmitTask(SparkSubmitTask sparkSubmitTask) {
      this.sparkSubmitTask = sparkSubmitTask;
      return this;
    }

    /**
     * Sets the task's time limit.
     *
     * @param timeoutSeconds the limit in seconds; null for none
     * @return this builder
     */
    public Builder timeoutSeconds(Integer timeoutSeconds) {
      this.timeoutSeconds = timeoutSeconds;
      return this;
    }

    /**
     * Sets how many times a failed task is retried.
     *
     * @param maxRetries the retries; 0 or null for none
     * @return this builder
     */
    public Builder maxRetries(Integer maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Builds the task.
     *
     * @return a new task
     */
    public JobTask build() {
      return new JobTask(
          taskKey,
          dependsOn,
          existingClusterId,
          newCluster,
          jobClusterKey,
          libraries,
          notebookTask,
          sparkPythonTask,
          sparkJarTask,
          sparkSubmitTask,
          timeoutSeconds,
          maxRetries);
    }
  }
}
