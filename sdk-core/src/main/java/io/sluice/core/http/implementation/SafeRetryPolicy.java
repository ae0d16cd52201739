package io.sluice.core.http.implementation;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import io.sluice.core.http.SluiceHttp;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * azure-core's {@link RetryPolicy} (which honours {@code Retry-After} in seconds or as an HTTP
 * date), applied only to requests that are safe to send twice.
 *
 * <p>A POST or PATCH that failed mid-flight may already have taken effect, so replaying it could
 * create a second resource; it is retried only when the caller marked it with {@link
 * SluiceHttp#retrySafe}.
 */
public final class SafeRetryPolicy implements HttpPipelinePolicy {
  private static final Set<HttpMethod> IDEMPOTENT =
      Set.of(
          HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.OPTIONS);

  private final RetryPolicy retry;

  /**
   * Creates the policy.
   *
   * @param strategy how often and after which failures to retry, and how long to wait
   */
  public SafeRetryPolicy(SluiceRetryStrategy strategy) {
    this.retry = new RetryPolicy(strategy);
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    return isSafe(context) ? retry.process(context, next) : next.process();
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    return isSafe(context) ? retry.processSync(context, next) : next.processSync();
  }

  private static boolean isSafe(HttpPipelineCallContext context) {
    return IDEMPOTENT.contains(context.getHttpRequest().getHttpMethod())
        || Boolean.TRUE.equals(context.getData(SluiceHttp.RETRY_SAFE_KEY).orElse(null));
  }
}
