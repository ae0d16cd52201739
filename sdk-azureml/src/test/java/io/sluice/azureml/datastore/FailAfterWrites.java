package io.sluice.azureml.datastore;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** Fails every blob write after the first {@code allowed} ones, as a dropped connection would. */
final class FailAfterWrites implements HttpPipelinePolicy {
  private final AtomicInteger writes = new AtomicInteger();
  private final int allowed;

  FailAfterWrites(int allowed) {
    this.allowed = allowed;
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    if (context.getHttpRequest().getHttpMethod() == HttpMethod.PUT
        && writes.incrementAndGet() > allowed) {
      return Mono.error(new IOException("injected connection reset"));
    }
    return next.process();
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_CALL; // before the retry policy: not retried
  }
}
