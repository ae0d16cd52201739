package io.sluice.databricks.models;

/**
 * One task of a run.
 *
 * @param runId the task run's id, the one {@code runs/get-output} takes
 * @param taskKey the task's key
 * @param state its state
 * @param attemptNumber 0 for the first attempt, more after retries
 * @param startTime when it started, in epoch milliseconds
 * @param endTime when it ended, in epoch milliseconds
 */
public record RunTask(
    Long runId,
    String taskKey,
    RunStateInfo state,
    Integer attemptNumber,
    Long startTime,
    Long endTime) {
  /** Returns the life-cycle state, {@link RunLifeCycleState#UNKNOWN} when absent. */
  public RunLifeCycleState lifeCycleState() {
    return state == null || state.lifeCycleState() == null
        ? RunLifeCycleState.UNKNOWN
        : state.lifeCycleState();
  }
}
