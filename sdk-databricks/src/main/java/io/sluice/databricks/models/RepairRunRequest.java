package io.sluice.databricks.models;

import java.util.List;

/**
 * Reruns some tasks of a job run ({@code runs/repair}). Build one with {@link #builder(long)}.
 *
 * @param runId the run to repair
 * @param rerunTasks the task keys to run again
 * @param rerunAllFailedTasks whether to rerun every failed task instead
 * @param rerunDependentTasks whether tasks depending on those also run again
 * @param latestRepairId the last repair's id; required after the first repair
 */
public record RepairRunRequest(
    long runId,
    List<String> rerunTasks,
    Boolean rerunAllFailedTasks,
    Boolean rerunDependentTasks,
    Long latestRepairId) {
  /** Copies the task keys. */
  public RepairRunRequest {
    rerunTasks = rerunTasks == null || rerunTasks.isEmpty() ? null : List.copyOf(rerunTasks);
  }

  /**
   * Starts a request to repair a run.
   *
   * @param runId the run
   * @return a new builder
   */
  public static Builder builder(long runId) {
    return new Builder(runId);
  }

  /** Builds a {@link RepairRunRequest}; a value left unset is left out of the request. */
  public static final class Builder {
    private final long runId;
    private List<String> rerunTasks;
    private Boolean rerunAllFailedTasks;
    private Boolean rerunDependentTasks;
    private Long latestRepairId;

    private Builder(long runId) {
      this.runId = runId;
    }

    /**
     * Sets the tasks to run again.
     *
     * @param rerunTasks their task keys
     * @return this builder
     */
    public Builder rerunTasks(List<String> rerunTasks) {
      this.rerunTasks = rerunTasks;
      return this;
    }

    /**
     * Reruns every failed task instead of named ones.
     *
     * @param rerunAllFailedTasks true to rerun every failed task
     * @return this builder
     */
    public Builder rerunAllFailedTasks(Boolean rerunAllFailedTasks) {
      this.rerunAllFailedTasks = rerunAllFailedTasks;
      return this;
    }

    /**
     * Also reruns the tasks that depend on the rerun ones.
     *
     * @param rerunDependentTasks true to rerun dependent tasks too
     * @return this builder
     */
    public Builder rerunDependentTasks(Boolean rerunDependentTasks) {
      this.rerunDependentTasks = rerunDependentTasks;
      return this;
    }

    /**
     * Sets the last repair's id, which Databricks requires after a run's first repair.
     *
     * @param latestRepairId the id from {@link Run#latestRepairId()}
     * @return this builder
     */
    public Builder latestRepairId(Long latestRepairId) {
      this.latestRepairId = latestRepairId;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return a new request
     */
    public RepairRunRequest build() {
      return new RepairRunRequest(
          runId, rerunTasks, rerunAllFailedTasks, rerunDependentTasks, latestRepairId);
    }
  }
}
