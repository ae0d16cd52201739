package io.sluice.databricks.models;

import java.util.List;
import java.util.Optional;

/**
 * A job run as {@code runs/get} returns it.
 *
 * @param runId the run's id
 * @param jobId the job's id; absent for a submitted run
 * @param runName its name
 * @param runPageUrl where the run is shown in the workspace
 * @param state its state
 * @param tasks its tasks, each with its own task run id
 * @param startTime when it started, in epoch milliseconds
 * @param endTime when it ended, in epoch milliseconds; 0 while running
 * @param nextPageToken set when more tasks follow (Jobs 2.2 pages of 100)
 * @param repairHistory the original attempt and each repair, when read with {@code include_history}
 */
public record Run(
    Long runId,
    Long jobId,
    String runName,
    String runPageUrl,
    RunStateInfo state,
    List<RunTask> tasks,
    Long startTime,
    Long endTime,
    String nextPageToken,
    List<RepairHistoryItem> repairHistory) {
  /** Copies the tasks and the history. */
  public Run {
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
    repairHistory = repairHistory == null ? List.of() : List.copyOf(repairHistory);
  }

  /**
   * This run with more tasks, as read from a later page.
   *
   * @param more the tasks of the next page
   * @param token the next page's token, or null
   * @return a copy
   */
  public Run withMoreTasks(List<RunTask> more, String token) {
    List<RunTask> all = new java.util.ArrayList<>(tasks);
    all.addAll(more);
    return new Run(
        runId, jobId, runName, runPageUrl, state, all, startTime, endTime, token, repairHistory);
  }

  /** Returns the life-cycle state, {@link RunLifeCycleState#UNKNOWN} when absent. */
  public RunLifeCycleState lifeCycleState() {
    return state == null || state.lifeCycleState() == null
        ? RunLifeCycleState.UNKNOWN
        : state.lifeCycleState();
  }

  /**
   * Returns the id of the run's latest repair, the {@code latest_repair_id} the next repair needs.
   */
  public Optional<Long> latestRepairId() {
    return repairHistory.stream()
        .filter(r -> r.type() == RepairType.REPAIR && r.id() != null)
        .map(RepairHistoryItem::id)
        .max(Long::compare);
  }
}
