package io.sluice.core.http.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

/** Sets a fixed {@code Authorization} header (bearer token or basic credentials) on every try. */
public final class FixedAuthorizationPolicy implements HttpPipelinePolicy {
  private final String headerValue;

  /**
   * Creates the policy.
   *
   * @param headerValue the full header value, for example {@code Bearer <token>}
   */
  public FixedAuthorizationPolicy(String headerValue) {
    this.headerValue = headerValue;
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, headerValue);
    return next.process();
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, headerValue);
    return next.processSync();
  }

  @Override
  public String toString() {
    return "FixedAuthorizationPolicy[REDACTED]";
  }
}
