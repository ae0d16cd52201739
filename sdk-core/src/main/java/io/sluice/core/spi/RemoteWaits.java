package io.sluice.core.spi;

import java.time.Duration;

/**
 * Waiting between two status requests of a remote run without missing a cancellation: the wait is
 * cut short when the pipeline run is canceled (or the thread interrupted), the remote run is asked
 * to cancel, and the step ends. For executors of remote steps.
 */
public final class RemoteWaits {
  private static final long CHECK_MILLIS = 200;

  private RemoteWaits() {}

  /**
   * Waits, unless the run is canceled first.
   *
   * @param context the step's context, asked whether the run is being canceled
   * @param delay how long to wait
   * @param remoteRun the remote run, for messages, e.g. {@code Databricks run 42}
   * @param cancel asks the remote service to cancel the run
   * @throws StepFailedException once the run was canceled and the remote run asked to cancel
   */
  public static void sleep(StepContext context, Duration delay, String remoteRun, Runnable cancel) {
    long end = System.nanoTime() + delay.toNanos();
    while (System.nanoTime() < end) {
      if (context.isCanceled()) {
        cancel.run();
        throw new StepFailedException(
            "Step '" + context.step().name() + "' canceled; " + remoteRun + " was asked to cancel");
      }
      try {
        Thread.sleep(Math.min(CHECK_MILLIS, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel.run();
        throw new StepFailedException(
            "Step '"
                + context.step().name()
                + "' interrupted; "
                + remoteRun
                + " was asked to cancel",
            e);
      }
    }
  }
}
