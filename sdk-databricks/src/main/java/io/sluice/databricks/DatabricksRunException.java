package io.sluice.databricks;

import io.sluice.core.SluiceException;
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

  /**
   * Creates the exception.
   *
   * @param runId the run
   * @param lifeCycleState its final life-cycle state
   * @param resultState its result, or null when it has none
   * @param stateMessage Databricks' message
   * @param taskErrors each failed task's error, by task key
   * @param runPageUrl where the run is shown, or null
   */
  public DatabricksRunException(
      long runId, RunLifeCycleState lifeCycleState, RunResultState resultState, String stateMessage,
      Map<String, String> taskErrors, String runPageUrl) {
    super("Databricks run " + runId + " ended " + lifeCycleState + (resultState == null ? "" : " " + resultState)
        + (stateMessage == null || stateMessage.isBlank() ? "" : ": " + stateMessage)
        + taskErrors.entrySet().stream().map(e -> "\n  task '" + e.getKey() + "': " + e.getValue())
            .collect(Collectors.joining())
        + (runPageUrl == null ? "" : "\n  see " + runPageUrl));
    this.runId = runId;
    this.lifeCycleState = lifeCycleState;
    this.resultState = resultState;
    this.stateMessage = stateMessage == null ? "" : stateMessage;
    this.taskErrors = Map.copyOf(taskErrors);
  }

  /** @return the run's id */
  public long getRunId() {
    return runId;
  }

  /** @return its final life-cycle state */
  public RunLifeCycleState getLifeCycleState() {
    return lifeCycleState;
  }

  /** @return its result, or null when it ended without one (SKIPPED, INTERNAL_ERROR) */
  public RunResultState getResultState() {
    return resultState;
  }

  /** @return Databricks' state message */
  public String getStateMessage() {
    return stateMessage;
  }

  /** @return each failed task's error, by task key */
  public Map<String, String> getTaskErrors() {
    return taskErrors;
  }
}
