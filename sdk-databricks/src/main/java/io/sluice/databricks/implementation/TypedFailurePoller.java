package io.sluice.databricks.implementation;

import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import io.sluice.core.SluiceException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A {@link SyncPoller} that throws the typed failure its poll operation raised (a failed run, a
 * cluster in ERROR) instead of azure-core's {@code RuntimeException(ExecutionException(...))}
 * wrapping, so that callers can catch what the Javadoc promises.
 *
 * @param <T> the poll response type
 * @param <U> the final result type
 */
public final class TypedFailurePoller<T, U> implements SyncPoller<T, U> {
  private final SyncPoller<T, U> delegate;

  /**
   * Wraps a poller.
   *
   * @param delegate the poller
   */
  public TypedFailurePoller(SyncPoller<T, U> delegate) {
    this.delegate = delegate;
  }

  private static <R> R unwrap(Supplier<R> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SluiceException typed) {
          throw typed;
        }
      }
      throw e;
    }
  }

  @Override
  public PollResponse<T> poll() {
    return unwrap(delegate::poll);
  }

  @Override
  public PollResponse<T> waitForCompletion() {
    return unwrap(delegate::waitForCompletion);
  }

  @Override
  public PollResponse<T> waitForCompletion(Duration timeout) {
    return unwrap(() -> delegate.waitForCompletion(timeout));
  }

  @Override
  public PollResponse<T> waitUntil(LongRunningOperationStatus statusToWaitFor) {
    return unwrap(() -> delegate.waitUntil(statusToWaitFor));
  }

  @Override
  public PollResponse<T> waitUntil(Duration timeout, LongRunningOperationStatus statusToWaitFor) {
    return unwrap(() -> delegate.waitUntil(timeout, statusToWaitFor));
  }

  @Override
  public U getFinalResult() {
    return unwrap(delegate::getFinalResult);
  }

  @Override
  public U getFinalResult(Duration timeout) {
    return unwrap(() -> delegate.getFinalResult(timeout));
  }

  @Override
  public void cancelOperation() {
    unwrap(
        () -> {
          delegate.cancelOperation();
          return null;
        });
  }

  @Override
  public SyncPoller<T, U> setPollInterval(Duration pollInterval) {
    delegate.setPollInterval(pollInterval);
    return this;
  }
}
