package io.sluice.databricks.transport;

import io.sluice.databricks.JobsClient;
import io.sluice.databricks.models.RepairRunRequest;
import io.sluice.databricks.models.Run;
import io.sluice.databricks.models.RunResultState;
import io.sluice.databricks.models.RunTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resumes a Databricks run that ended FAILED or CANCELED by repairing it ({@code runs/repair}): the
 * tasks that did not succeed run again inside the same run, the succeeded ones are kept.
 *
 * <p>The tasks are named ({@code rerun_tasks}) rather than left to {@code rerun_all_failed_tasks},
 * so that tasks skipped for an upstream failure or canceled run again too, and the run knows which
 * steps it kept.
 */
final class RunRepair {
  private RunRepair() {}

  /**
   * Repairs the run.
   *
   * @param jobs the Jobs API
   * @param runId the ended run
   * @return the keys of the tasks kept because they had succeeded
   */
  static Set<String> rerunWhatDidNotSucceed(JobsClient jobs, long runId) {
    // The history holds the latest repair's id, which every repair after the first must name.
    Run run = jobs.getRun(runId, true);
    // A task retried is listed once per attempt, the latest last: that one counts.
    Map<String, RunTask> latest = new LinkedHashMap<>();
    run.tasks().forEach(t -> latest.put(t.taskKey(), t));
    Set<String> kept = new LinkedHashSet<>();
    List<String> rerun = new ArrayList<>();
    latest.forEach(
        (key, task) -> {
          if (succeeded(task)) {
            kept.add(key);
          } else {
            rerun.add(key);
          }
        });
    jobs.repairRun(
        RepairRunRequest.builder(runId)
            .rerunTasks(rerun)
            .latestRepairId(run.latestRepairId().orElse(null))
            .build());
    return kept;
  }

  private static boolean succeeded(RunTask task) {
    return task.state() != null && task.state().resultState() == RunResultState.SUCCESS;
  }
}
