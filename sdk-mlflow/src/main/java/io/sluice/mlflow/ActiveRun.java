package io.sluice.mlflow;

import io.sluice.mlflow.models.RunStatus;

/**
 * A run open for logging, ended when the scope closes: {@code FINISHED} if {@link #complete()} was
 * called, {@code FAILED} otherwise. Java cannot tell a closing resource whether its block threw, so
 * marking success explicitly is what lets a body that threw end {@code FAILED}; its exception
 * propagates unchanged. {@link MlflowClient#withRun} marks success for you.
 *
 * <pre>{@code
 * try (ActiveRun run = mlflow.startRun(experimentId, "train")) {
 *   run.logger().logMetric("loss", 0.3, 1);
 *   run.complete();
 * }
 * }</pre>
 */
public final class ActiveRun implements AutoCloseable {
  private final MlflowClient client;
  private final String runId;
  private final MlflowRunLogger logger;
  private boolean completed;

  ActiveRun(MlflowClient client, String runId) {
    this.client = client;
    this.runId = runId;
    this.logger = client.runLogger(runId);
  }

  /**
   * The run's id.
   *
   * @return the id
   */
  public String getRunId() {
    return runId;
  }

  /**
   * The run's asynchronous logger; it is drained before the run ends.
   *
   * @return the logger
   */
  public MlflowRunLogger logger() {
    return logger;
  }

  /** Marks the run's work as successful: closing will end it {@code FINISHED}. */
  public void complete() {
    completed = true;
  }

  /**
   * Sends what the logger holds, then ends the run {@code FINISHED} if {@link #complete()} was
   * called and the logger delivered everything, else {@code FAILED}.
   *
   * @throws MlflowAsyncLoggingException when the logger could not deliver everything
   */
  @Override
  public void close() {
    try {
      logger.close();
    } catch (RuntimeException e) {
      client.endRun(runId, RunStatus.FAILED);
      throw e;
    }
    client.endRun(runId, completed ? RunStatus.FINISHED : RunStatus.FAILED);
  }
}
