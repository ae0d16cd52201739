package io.sluice.databricks.models;

import java.util.List;

/**
 * A one-time run of tasks ({@code POST /api/2.2/jobs/runs/submit}).
 *
 * @param runName the run's name
 * @param tasks the tasks, each with its own compute
 * @param timeoutSeconds the run's time limit; 0 or null for none
 * @param idempotencyToken at most 64 characters; Databricks returns the existing run for a token it
 *     has seen, so a replayed submit never starts a second run
 */
public record SubmitRunRequest(
    String runName, List<JobTask> tasks, Integer timeoutSeconds, String idempotencyToken) {
  /** Copies the task list. */
  public SubmitRunRequest {
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
  }
}
