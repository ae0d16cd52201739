package io.sluice.databricks.models;

import java.util.Map;

/**
 * Starts a run of a saved job ({@code jobs/run-now}). Build one with {@link #builder(long)}.
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

  /**
   * Starts a request to run a job.
   *
   * @param jobId the job
   * @return a new builder
   */
  public static Builder builder(long jobId) {
    return new Builder(jobId);
  }

  /**
   * Starts a copy of this request, to change some of its values.
   *
   * @return a new builder holding this request's values
   */
  public Builder toBuilder() {
    return new Builder(jobId)
        .idempotencyToken(idempotencyToken)
        .jobParameters(jobParameters)
        .notebookParams(notebookParams);
  }

  /** Builds a {@link RunNowRequest}; a value left unset is left out of the request. */
  public static final class Builder {
    private final long jobId;
    private String idempotencyToken;
    private Map<String, String> jobParameters;
    private Map<String, String> notebookParams;

    private Builder(long jobId) {
      this.jobId = jobId;
    }

    /**
     * Sets the token that makes a replayed request return the run it started the first time.
     *
     * @param idempotencyToken at most 64 characters; null lets the client choose one
     * @return this builder
     */
    public Builder idempotencyToken(String idempotencyToken) {
      this.idempotencyToken = idempotencyToken;
      return this;
    }

    /**
     * Sets the job-level parameter values.
     *
     * @param jobParameters the values by parameter name
     * @return this builder
     */
    public Builder jobParameters(Map<String, String> jobParameters) {
      this.jobParameters = jobParameters;
      return this;
    }

    /**
     * Sets the widget values of the job's notebook tasks.
     *
     * @param notebookParams the values by widget name
     * @return this builder
     */
    public Builder notebookParams(Map<String, String> notebookParams) {
      this.notebookParams = notebookParams;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return a new request
     */
    public RunNowRequest build() {
      return new RunNowRequest(jobId, idempotencyToken, jobParameters, notebookParams);
    }
  }
}
