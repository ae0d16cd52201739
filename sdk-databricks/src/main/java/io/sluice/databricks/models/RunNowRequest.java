package io.sluice.databricks.models;

import java.util.Map;

/**
 * Starts a run of a saved job ({@code jobs/run-now}).
 *
 * @param jobId the job
 * @param idempotencyToken at most 64 characters; the same token never starts a second run
 * @param jobParameters job-level parameter values
 * @param notebookParams widget values for notebook tasks
 */
public record RunNowRequest(
    long jobId,
    String idempotencyToken,
    Map<String, String> jobParameters,
    Map<String, String> notebookParams) {
  /** Copies the maps. */
  public RunNowRequest {
    jobParameters =
        jobParameters == null || jobParameters.isEmpty() ? null : Map.copyOf(jobParameters);
    notebookParams =
        notebookParams == null || notebookParams.isEmpty() ? null : Map.copyOf(notebookParams);
  }
}
