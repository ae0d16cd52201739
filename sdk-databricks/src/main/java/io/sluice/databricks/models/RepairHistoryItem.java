package io.sluice.databricks.models;

import java.util.List;

/**
 * One attempt of a run: the original one or a repair, as {@code runs/get} lists them with {@code
 * include_history}.
 *
 * @param id the repair's id, the {@code latest_repair_id} of the next repair; absent for the
 *     original
 * @param type whether this is the original run or a repair
 * @param startTime when it started, in epoch milliseconds
 * @param taskRunIds the task runs that ran in it
 */
public record RepairHistoryItem(Long id, RepairType type, Long startTime, List<Long> taskRunIds) {
  /** Copies the task run ids. */
  public RepairHistoryItem {
    taskRunIds = taskRunIds == null ? List.of() : List.copyOf(taskRunIds);
  }
}
