package io.sluice.core.http.implementation;

import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.FixedDelay;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryStrategy;
import com.azure.core.util.Configuration;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which failures Sluice retries and how long it waits, from the caller's {@link RetryOptions}.
 *
 * <p>azure-core's default also retries 408 and every other 5xx; Sluice keeps to statuses that say
 * "try again later" (429, 500, 502, 503, 504) and to I/O failures anywhere in the cause chain
 * (OkHttp reports a reset connection as an {@code UncheckedIOException}), unless the options carry
 * a condition of their own.
 */
public final class SluiceRetryStrategy implements RetryStrategy {
  /** Retries when neither the options nor {@code AZURE_REQUEST_RETRY_COUNT} say otherwise. */
  public static final int DEFAULT_MAX_RETRIES = 6;

  /** The first backoff delay when the options set none. */
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(500);

  /** The longest backoff delay when the options set none. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);

  private final RetryStrategy delays;
  private final Predicate<RequestRetryCondition> condition;

  private SluiceRetryStrategy(RetryStrategy delays, Predicate<RequestRetryCondition> condition) {
    this.delays = delays;
    this.condition = condition;
  }

  /**
   * The strategy for a pipeline.
   *
   * @param options the caller's options: exponential backoff (a value left unset takes Sluice's
   *     default) or a fixed delay, and an optional condition; null for Sluice's defaults
   * @param configuration where {@code AZURE_REQUEST_RETRY_COUNT} is read when no options are given
   * @return the strategy
   */
  public static SluiceRetryStrategy of(RetryOptions options, Configuration configuration) {
    if (options == null) {
      int retries =
          configuration.get(Configuration.PROPERTY_AZURE_REQUEST_RETRY_COUNT, DEFAULT_MAX_RETRIES);
      return new SluiceRetryStrategy(
          new ExponentialBackoff(retries, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY), null);
    }
    ExponentialBackoffOptions exponential = options.getExponentialBackoffOptions();
    RetryStrategy delays =
        exponential == null
            ? new FixedDelay(options.getFixedDelayOptions())
            : exponentialBackoff(exponential);
    return new SluiceRetryStrategy(delays, options.getShouldRetryCondition());
  }

  private static ExponentialBackoff exponentialBackoff(ExponentialBackoffOptions options) {
    Duration base = orDefault(options.getBaseDelay(), DEFAULT_BASE_DELAY);
    // A first delay beyond the default maximum raises the maximum rather than failing.
    Duration max = orDefault(options.getMaxDelay(), maximum(base, DEFAULT_MAX_DELAY));
    return new ExponentialBackoff(
        orDefault(options.getMaxRetries(), DEFAULT_MAX_RETRIES), base, max);
  }

  private static Duration maximum(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public int getMaxRetries() {
    return delays.getMaxRetries();
  }

  @Override
  public Duration calculateRetryDelay(int retryAttempts) {
    return delays.calculateRetryDelay(retryAttempts);
  }

  @Override
  public boolean shouldRetryCondition(RequestRetryCondition requestRetryCondition) {
    return condition != null
        ? condition.test(requestRetryCondition)
        : RetryStrategy.super.shouldRetryCondition(requestRetryCondition);
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

  private static <T> T orDefault(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
