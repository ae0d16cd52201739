package io.sluice.databricks.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A saved job ({@code jobs/create}, and {@code settings} of {@code jobs/get}). Build one with
 * {@link #builder()}.
 *
 * @param name the job's name
 * @param tasks its tasks
 * @param jobClusters clusters tasks share through {@link JobTask#jobClusterKey()}
 * @param maxConcurrentRuns how many runs may be active at once
 * @param timeoutSeconds each run's time limit
 * @param tags tags, at most 25
 */
public record JobSettings(
    String name,
    List<JobTask> tasks,
    List<JobCluster> jobClusters,
    Integer maxConcurrentRuns,
    Integer timeoutSeconds,
    Map<String, String> tags) {
  /** Copies the collections; empty ones stay out of the request. */
  public JobSettings {
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
    jobClusters = jobClusters == null || jobClusters.isEmpty() ? null : List.copyOf(jobClusters);
    tags = tags == null || tags.isEmpty() ? null : Map.copyOf(tags);
  }

  /**
   * Starts job settings with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a copy of these settings, to change some of their values.
   *
   * @return a new builder holding these settings' values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * These settings with more tasks and clusters, as read from a later page.
   *
   * @param more the settings of the next page
   * @return a copy
   */
  public JobSettings merge(JobSettings more) {
    List<JobTask> allTasks = new ArrayList<>(tasks);
    allTasks.addAll(more.tasks());
    List<JobCluster> allClusters = new ArrayList<>(jobClusters == null ? List.of() : jobClusters);
    if (more.jobClusters() != null) {
      allClusters.addAll(more.jobClusters());
    }
    return toBuilder().tasks(allTasks).jobClusters(allClusters).build();
  }

  /** Builds {@link JobSettings}; a value left unset is left out of the request. */
  public static final class Builder {
    private String name;
    private List<JobTask> tasks;
    private List<JobCluster> jobClusters;
    private Integer maxConcurrentRuns;
    private Integer timeoutSeconds;
    private Map<String, String> tags;

    private Builder() {}

    private Builder(JobSettings settings) {
      name = settings.name;
      tasks = settings.tasks;
      jobClusters = settings.jobClusters;
      maxConcurrentRuns = settings.maxConcurrentRuns;
      timeoutSeconds = settings.timeoutSeconds;
      tags = settings.tags;
    }

    /**
     * Names the job.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the job's tasks.
     *
     * @param tasks the tasks
     * @return this builder
     */
    public Builder tasks(List<JobTask> tasks) {
      this.tasks = tasks;
      return this;
    }

    /**
     * Sets the clusters the job's tasks share through {@link JobTask#jobClusterKey()}.
     *
     * @param jobClusters the clusters; empty or null for none
     * @return this builder
     */
    public Builder jobClusters(List<JobCluster> jobClusters) {
      this.jobClusters = jobClusters;
      return this;
    }

    /**
     * Sets how many runs of the job may be active at once.
     *
     * @param maxConcurrentRuns the runs
     * @return this builder
     */
    public Builder maxConcurrentRuns(Integer maxConcurrentRuns) {
      this.maxConcurrentRuns = maxConcurrentRuns;
      return this;
    }

    /**
     * Sets each run's time limit.
     *
     * @param timeoutSeconds the limit in seconds; null for none
     * @return this builder
     */
    public Builder timeoutSeconds(Integer timeoutSeconds) {
      this.timeoutSeconds = timeoutSeconds;
      return this;
    }

    /**
     * Sets the job's tags.
     *
     * @param tags the tags, at most 25
     * @return this builder
     */
    public Builder tags(Map<String, String> tags) {
      this.tags = tags;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return new settings
     */
    public JobSettings build() {
      return new JobSettings(name, tasks, jobClusters, maxConcurrentRuns, timeoutSeconds, tags);
    }
  }
}
