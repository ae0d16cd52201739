package io.sluice.databricks.models;

import java.util.List;

/**
 * Reruns some tasks of a job run ({@code runs/repair}).
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
}
