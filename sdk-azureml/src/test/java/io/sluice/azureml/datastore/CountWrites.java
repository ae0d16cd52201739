package io.sluice.azureml.datastore;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** Counts the requests that reach the wire, and records the blob path of every PUT. */
final class CountWrites implements HttpPipelinePolicy {
  final List<String> puts = new CopyOnWriteArrayList<>();
  final AtomicInteger requests = new AtomicInteger();

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    requests.incrementAndGet();
    if (context.getHttpRequest().getHttpMethod() == HttpMethod.PUT) {
      // The SDK encodes the '/' of blob names; decoded, they compare with local names.
      puts.add(
          URLDecoder.decode(context.getHttpRequest().getUrl().getPath(), StandardCharsets.UTF_8));
    }
    return next.process();
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY; // after the retry policy: every attempt counts
  }
}
