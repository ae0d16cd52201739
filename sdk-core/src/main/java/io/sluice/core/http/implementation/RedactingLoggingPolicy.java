package io.sluice.core.http.implementation;

import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.BinaryData;
import com.azure.core.util.logging.ClientLogger;
import com.azure.core.util.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.StringJoiner;
import reactor.core.publisher.Mono;

/**
 * Logs each try at verbose (SLF4J debug) level with every secret masked: the request line, its
 * headers, a small JSON body, and the response status with its latency.
 *
 * <p>It sits closest to the wire so that it sees the headers the authentication policy added, and
 * masks them. Response bodies are not logged: they may be large streams.
 *
 * <p>Without {@link HttpLogOptions} everything above is logged. With them, their detail level says
 * what is logged ({@link HttpLogDetailLevel#NONE} nothing), and only the headers and query
 * parameters they allow show their values; secrets stay masked either way.
 */
public final class RedactingLoggingPolicy implements HttpPipelinePolicy {
  private static final int MAX_LOGGED_BODY = 8 * 1024;

  // Per instance so the level is read when the pipeline is built, not when the class loads.
  private final ClientLogger logger = new ClientLogger(RedactingLoggingPolicy.class);
  private final HttpLogDetailLevel detail;
  private final Set<HttpHeaderName> allowedHeaders;
  private final Set<String> allowedQueryParams;

  /**
   * Creates the policy.
   *
   * @param options what to log, or null for everything with secrets masked
   */
  public RedactingLoggingPolicy(HttpLogOptions options) {
    this.detail = options == null ? HttpLogDetailLevel.BODY_AND_HEADERS : options.getLogLevel();
    this.allowedHeaders = options == null ? null : options.getAllowedHttpHeaderNames();
    this.allowedQueryParams = options == null ? null : options.getAllowedQueryParamNames();
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    if (!logs()) {
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
    if (!logs()) {
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

  private boolean logs() {
    return detail != HttpLogDetailLevel.NONE && logger.canLogAtLevel(LogLevel.VERBOSE);
  }

  private long logRequest(HttpRequest request) {
    StringBuilder line =
        new StringBuilder("--> ").append(request.getHttpMethod()).append(' ').append(url(request));
    if (detail.shouldLogHeaders()) {
      for (HttpHeader header : request.getHeaders()) {
        line.append("\n    ").append(header.getName()).append(": ").append(value(header));
      }
    }
    BinaryData body = request.getBodyAsBinaryData();
    String contentType = request.getHeaders().getValue(HttpHeaderName.CONTENT_TYPE);
    if (detail.shouldLogBody()
        && body != null
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
        url(response.getRequest()),
        elapsedMillis(start));
  }

  private String value(HttpHeader header) {
    boolean allowed =
        allowedHeaders == null
            || allowedHeaders.contains(HttpHeaderName.fromString(header.getName()));
    return allowed && !Redaction.isSecretHeader(header.getName())
        ? Redaction.redact(header.getValue())
        : Redaction.MASK;
  }

  private String url(HttpRequest request) {
    String url = Redaction.redact(request.getUrl().toString());
    int query = url.indexOf('?');
    if (allowedQueryParams == null || query < 0) {
      return url;
    }
    StringJoiner params = new StringJoiner("&", url.substring(0, query + 1), "");
    for (String param : url.substring(query + 1).split("&", -1)) {
      int equals = param.indexOf('=');
      String name = equals < 0 ? param : param.substring(0, equals);
      params.add(
          equals < 0 || allowedQueryParams.contains(name) ? param : name + "=" + Redaction.MASK);
    }
    return params.toString();
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
