package io.sluice.testing.http;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A response with a status and a JSON body. */
final class JsonResponse extends HttpResponse {
  private final int status;
  private final byte[] body;
  private final HttpHeaders headers =
      new HttpHeaders().set(HttpHeaderName.CONTENT_TYPE, "application/json");

  JsonResponse(HttpRequest request, int status, String body) {
    super(request);
    this.status = status;
    this.body = body.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public int getStatusCode() {
    return status;
  }

  /**
   * Returns a header's value.
   *
   * @deprecated as in {@link HttpResponse}; {@link #getHeaders()} has the headers
   */
  @Override
  @Deprecated
  public String getHeaderValue(String name) {
    return headers.getValue(HttpHeaderName.fromString(name));
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  @Override
  public Flux<ByteBuffer> getBody() {
    return Flux.just(ByteBuffer.wrap(body));
  }

  @Override
  public Mono<byte[]> getBodyAsByteArray() {
    return Mono.just(body);
  }

  @Override
  public Mono<String> getBodyAsString() {
    return getBodyAsString(StandardCharsets.UTF_8);
  }

  @Override
  public Mono<String> getBodyAsString(Charset charset) {
    return Mono.just(new String(body, charset));
  }
}
