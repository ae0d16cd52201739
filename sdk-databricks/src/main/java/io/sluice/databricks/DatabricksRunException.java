package io.sluice.databricks;

import io.sluice.core.SluiceException;
import io.sluice.databricks.models.Run;
import io.sluice.databricks.models.RunLifeCycleState;
import io.sluice.databricks.models.RunResultState;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run ended without success: FAILED, CANCELED, TIMEDOUT, SKIPPED or INTERNAL_ERROR. Waiting on a
 * run never returns normally in these cases; this carries the run's state message and each failed
 * task's error.
 */
public final class DatabricksRunException extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final long runId;
  private final RunLifeCycleState lifeCycleState;
  private final RunResultState resultState;
  private final String stateMessage;
  private final Map<String, String> taskErrors;
  private final transient Run run;

  /**
   * Creates the exception.
   *
   * @param runId the run
   * @param lifeCycleState its final life-cycle state
   * @param resultState its result, or null when it has none
   * @param stateMessage Databricks' message
   * @param taskErrors each failed task's error, by task key
   * @param run the ended run, as last read
   */
  public DatabricksRunException(
      long runId,
      RunLifeCycleState lifeCycleState,
      RunResultState resultState,
      String stateMessage,
      Map<String, String> taskErrors,
      Run run) {
    super(
        "Databricks run "
            + runId
            + " ended "
            + lifeCycleState
            + (resultState == null ? "" : " " + resultState)
            + (stateMessage == null || stateMessage.isBlank() ? "" : ": " + stateMessage)
            + taskErrors.entrySet().stream()
                .map(e -> "\n  task '" + e.getKey() + "': " + e.getValue())
                .collect(Collectors.joining())
            + (run == null || run.runPageUrl() == null ? "" : "\n  see " + run.runPageUrl()));
    this.run = run;
    this.runId = runId;
    this.lifeCycleState = lifeCycleState;
    this.resultState = resultState;
    this.stateMessage = stateMessage == null ? "" : stateMessage;
    this.taskErrors = Map.copyOf(taskErrors);
  }

  /** Returns the run's id. */
  public long getRunId() {
    return runId;
  }

  /** Returns its final life-cycle state. */
  public RunLifeCycleState getLifeCycleState() {
    return lifeCycleState;
  }

  /** Returns its result, or null when it ended without one (SKIPPED, INTERNAL_ERROR). */
  public RunResultState getResultState() {
    return resultState;
  }

  /** Returns databricks' state message. */
  public String getStateMessage() {
    return stateMessage;
  }

  /** Returns the ended run with its tasks' states, as last read; null after deserialization. */
  public Run getRun() {
    return run;
  }

  /** Returns each failed task's error, by task key. */
  public Map<String, String> getTaskErrors() {
    return taskErrors;
  }
}
