package io.sluice.core.http.implementation;

import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.RetryStrategy;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Which failures Sluice retries, on top of azure-core's jittered exponential backoff.
 *
 * <p>azure-core's default also retries 408 and every other 5xx; Sluice keeps to statuses that say
 * "try again later" (429, 500, 502, 503, 504) and to I/O failures anywhere in the cause chain
 * (OkHttp reports a reset connection as an {@code UncheckedIOException}).
 */
final class SluiceRetryStrategy implements RetryStrategy {
  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);

  private final ExponentialBackoff backoff;

  SluiceRetryStrategy(int maxRetries, Duration baseDelay, Duration maxDelay) {
    this.backoff = new ExponentialBackoff(maxRetries, baseDelay, maxDelay);
  }

  @Override
  public int getMaxRetries() {
    return backoff.getMaxRetries();
  }

  @Override
  public Duration calculateRetryDelay(int retryAttempts) {
    return backoff.calculateRetryDelay(retryAttempts);
  }

  @Override
  public boolean shouldRetry(HttpResponse response) {
    return RETRYABLE_STATUSES.contains(response.getStatusCode());
  }

  @Override
  public boolean shouldRetryException(Throwable throwable) {
    for (Throwable t = throwable; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
