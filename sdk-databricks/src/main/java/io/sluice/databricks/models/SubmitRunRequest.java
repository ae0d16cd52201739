package io.sluice.databricks.models;

import java.util.List;

/**
 * A one-time run of tasks ({@code POST /api/2.2/jobs/runs/submit}). Build one with {@link
 * #builder()}.
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

  /**
   * Starts a request with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a copy of this request, to change some of its values.
   *
   * @return a new builder holding this request's values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link SubmitRunRequest}; a value left unset is left out of the request. */
  public static final class Builder {
    private String runName;
    private List<JobTask> tasks;
    private Integer timeoutSeconds;
    private String idempotencyToken;

    private Builder() {}

    private Builder(SubmitRunRequest request) {
      runName = request.runName;
      tasks = request.tasks;
      timeoutSeconds = request.timeoutSeconds;
      idempotencyToken = request.idempotencyToken;
    }

    /**
     * Names the run.
     *
     * @param runName the name
     * @return this builder
     */
    public Builder runName(String runName) {
      this.runName = runName;
      return this;
    }

    /**
     * Sets the run's tasks.
     *
     * @param tasks the tasks, each with its own compute
     * @return this builder
     */
    public Builder tasks(List<JobTask> tasks) {
      this.tasks = tasks;
      return this;
    }

    /**
     * Sets the run's time limit.
     *
     * @param timeoutSeconds the limit in seconds; 0 or null for none
     * @return this builder
     */
    public Builder timeoutSeconds(Integer timeoutSeconds) {
      this.timeoutSeconds = timeoutSeconds;
      return this;
    }

    /**
     * Sets the token that makes a replayed submit return the run it started the first time.
     *
     * @param idempotencyToken at most 64 characters, e.g. {@code JobsClient.idempotencyToken(runId,
     *     step)}; null lets the client choose one
     * @return this builder
     */
    public Builder idempotencyToken(String idempotencyToken) {
      this.idempotencyToken = idempotencyToken;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return a new request
     */
    public SubmitRunRequest build() {
      return new SubmitRunRequest(runName, tasks, timeoutSeconds, idempotencyToken);
    }
  }
}
