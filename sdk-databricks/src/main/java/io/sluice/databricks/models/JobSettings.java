package io.sluice.databricks.models;

import java.util.List;
import java.util.Map;

/**
 * A saved job ({@code jobs/create}, and {@code settings} of {@code jobs/get}).
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
   * These settings with more tasks and clusters, as read from a later page.
   *
   * @param more the settings of the next page
   * @return a copy
   */
  public JobSettings merge(JobSettings more) {
    List<JobTask> allTasks = new java.util.ArrayList<>(tasks);
    allTasks.addAll(more.tasks());
    List<JobCluster> allClusters =
        new java.util.ArrayList<>(jobClusters == null ? List.of() : jobClusters);
    if (more.jobClusters() != null) {
      allClusters.addAll(more.jobClusters());
    }
    return new JobSettings(name, allTasks, allClusters, maxConcurrentRuns, timeoutSeconds, tags);
  }
}
