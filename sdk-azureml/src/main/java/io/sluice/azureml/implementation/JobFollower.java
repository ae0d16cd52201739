package io.sluice.azureml.implementation;

import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import io.sluice.azureml.models.Job;
import io.sluice.azureml.models.JobStatus;
import java.time.Duration;
import java.util.function.Supplier;

/** Follows a job's status as a {@link SyncPoller}: one status request per poll interval. */
public final class JobFollower {
  private JobFollower() {}

  /**
   * A poller over a job.
   *
   * @param read reads the job
   * @param cancel cancels the job
   * @param interval the wait between two reads
   * @return the poller; its final result is the ended job
   */
  public static SyncPoller<Job, Job> poller(
      Supplier<Job> read, Runnable cancel, Duration interval) {
    return SyncPoller.createPoller(
        interval,
        context -> response(read.get()),
        context -> response(read.get()),
        (context, latest) -> {
          cancel.run();
          return latest.getValue();
        },
        context -> context.getLatestResponse().getValue());
  }

  private static PollResponse<Job> response(Job job) {
    LongRunningOperationStatus status;
    if (job.status().equals(JobStatus.COMPLETED)) {
      status = LongRunningOperationStatus.SUCCESSFULLY_COMPLETED;
    } else if (job.status().equals(JobStatus.FAILED)) {
      status = LongRunningOperationStatus.FAILED;
    } else if (job.status().equals(JobStatus.CANCELED)) {
      status = LongRunningOperationStatus.USER_CANCELLED;
    } else {
      status = LongRunningOperationStatus.IN_PROGRESS;
    }
    return new PollResponse<>(status, job);
  }
}
