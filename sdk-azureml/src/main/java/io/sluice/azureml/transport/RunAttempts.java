package io.sluice.azureml.transport;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.AzureMlResourceNotFoundException;
import io.sluice.azureml.models.JobStatus;
import io.sluice.core.run.RunState;
import java.util.Optional;

/**
 * The pipeline jobs of one run, one per attempt. Azure ML keeps a job's name for good, so a run
 * that runs again (a resume after a failure, or {@code ALLOW_IF_FAILED}) does so as a new pipeline
 * job: the first attempt is named after the run id, as runs always were, the n-th {@code <run
 * id>_attempt<n>}. The attempts are found again by looking their names up in turn.
 */
final class RunAttempts {
  private RunAttempts() {}

  /**
   * One attempt that exists.
   *
   * @param number its number, from 1
   * @param jobName its pipeline job's name
   * @param status its pipeline job's status
   */
  record Attempt(int number, String jobName, JobStatus status) {
    /** Returns the state it ended in, or empty while it has not ended. */
    Optional<RunState> ended() {
      return status != null && status.isTerminal()
          ? Optional.of(AzureMlPipelineRun.runState(status))
          : Optional.empty();
    }
  }

  /**
   * The name of an attempt's pipeline job.
   *
   * @param runId the run's id
   * @param number the attempt's number, from 1
   * @return the run id for the first attempt, else {@code <run id>_attempt<number>}
   */
  static String jobName(String runId, int number) {
    return number == 1 ? runId : runId + "_attempt" + number;
  }

  /**
   * The run's latest attempt.
   *
   * @param client the workspace's client
   * @param runId the run's id
   * @return the attempt, or empty when the run id names no job
   */
  static Optional<Attempt> latest(AzureMlClient client, String runId) {
    Attempt latest = null;
    for (int number = 1; ; number++) {
      String name = jobName(runId, number);
      try {
        latest = new Attempt(number, name, client.getJob(name).status());
      } catch (AzureMlResourceNotFoundException e) {
        return Optional.ofNullable(latest);
      }
    }
  }
}
