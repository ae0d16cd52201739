package io.sluice.core.http.implementation;

import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.BinaryData;
import com.azure.core.util.logging.ClientLogger;
import com.azure.core.util.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;

/**
 * Logs each try at verbose (SLF4J debug) level with every secret masked: the request line, its
 * headers, a small JSON body, and the response status with its latency.
 *
 * <p>It sits closest to the wire so that it sees the headers the authentication policy added, and
 * masks them. Response bodies are not logged: they may be large streams.
 */
public final class RedactingLoggingPolicy implements HttpPipelinePolicy {
  private static final int MAX_LOGGED_BODY = 8 * 1024;

  // Per instance so the level is read when the pipeline is built, not when the class loads.
  private final ClientLogger logger = new ClientLogger(RedactingLoggingPolicy.class);

  /** Creates the policy. */
  public RedactingLoggingPolicy() {}

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    if (!logger.canLogAtLevel(LogLevel.VERBOSE)) {
      return next.process();
    }
    long start = logRequest(context.getHttpRequest());
    return next.process()
        .doOnNext(response -> logResponse(response, start))
        .doOnError(error -> logFailure(error, start));
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    if (!logger.canLogAtLevel(LogLevel.VERBOSE)) {
      return next.processSync();
    }
    long start = logRequest(context.getHttpRequest());
    try {
      HttpResponse response = next.processSync();
      logResponse(response, start);
      return response;
    } catch (RuntimeException e) {
      logFailure(e, start);
      throw e;
    }
  }

  private long logRequest(HttpRequest request) {
    StringBuilder line =
        new StringBuilder("--> ")
            .append(request.getHttpMethod())
            .append(' ')
            .append(Redaction.redact(request.getUrl().toString()));
    for (HttpHeader header : request.getHeaders()) {
      line.append("\n    ")
          .append(header.getName())
          .append(": ")
          .append(
              Redaction.isSecretHeader(header.getName())
                  ? Redaction.MASK
                  : Redaction.redact(header.getValue()));
    }
    BinaryData body = request.getBodyAsBinaryData();
    String contentType =
        request.getHeaders().getValue(com.azure.core.http.HttpHeaderName.CONTENT_TYPE);
    if (body != null
        && body.isReplayable()
        && contentType != null
        && contentType.contains("json")
        && body.getLength() != null
        && body.getLength() <= MAX_LOGGED_BODY) {
      line.append("\n    ")
          .append(Redaction.redact(new String(body.toBytes(), StandardCharsets.UTF_8)));
    }
    logger.verbose(line.toString());
    return System.nanoTime();
  }

  private void logResponse(HttpResponse response, long start) {
    logger.verbose(
        "<-- {} {} ({} ms)",
        response.getStatusCode(),
        Redaction.redact(response.getRequest().getUrl().toString()),
        elapsedMillis(start));
  }

  private void logFailure(Throwable error, long start) {
    logger.verbose(
        "<-- failed: {} {} ({} ms)",
        error.getClass().getSimpleName(),
        Redaction.redact(error.getMessage()),
        elapsedMillis(start));
  }

  private static long elapsedMillis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
