package io.sluice.mlflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A loopback proxy in front of a real server that fails a share of requests, evenly split between
 * 429 with {@code Retry-After: 1}, 503, a connection reset before the request is forwarded, and a
 * reset after the server has handled it (the response is lost, so the client cannot know the
 * request took effect).
 */
final class FaultInjectingProxy extends Dispatcher implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient forwarder =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final String target;
  private final double faultRate;
  private final Random random = new Random(20260630);
  final AtomicInteger requests = new AtomicInteger();

  /** Injected faults by kind: 429, 503, reset before forwarding, reset after forwarding. */
  final AtomicIntegerArray faults = new AtomicIntegerArray(4);

  FaultInjectingProxy(String target, double faultRate) {
    this.target = target;
    this.faultRate = faultRate;
    server.setDispatcher(this);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String uri() {
    return "http://127.0.0.1:" + server.getPort();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.incrementAndGet();
    int fault;
    synchronized (random) {
      fault = random.nextDouble() < faultRate ? random.nextInt(4) : -1;
    }
    if (fault >= 0) {
      faults.incrementAndGet(fault);
    }
    return switch (fault) {
      case 0 ->
          new MockResponse()
              .setResponseCode(429)
              .setHeader("Retry-After", "1")
              .setBody("{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"slow down\"}");
      case 1 ->
          new MockResponse()
              .setResponseCode(503)
              .setBody("{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"busy\"}");
      case 2 -> new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
      case 3 -> {
        forward(request);
        yield new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
      }
      default -> forward(request);
    };
  }

  private MockResponse forward(RecordedRequest request) {
    Headers.Builder headers = new Headers.Builder();
    for (String name : request.getHeaders().names()) {
      if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
        headers.add(name, request.getHeader(name));
      }
    }
    byte[] body = request.getBody().readByteArray();
    String contentType = request.getHeader("Content-Type");
    RequestBody requestBody =
        body.length == 0 && !request.getMethod().matches("POST|PUT|PATCH")
            ? null
            : RequestBody.create(body, contentType == null ? null : MediaType.parse(contentType));
    Request forwarded =
        new Request.Builder()
            .url(target + request.getPath())
            .headers(headers.build())
            .method(request.getMethod(), requestBody)
            .build();
    try (Response response = forwarder.newCall(forwarded).execute()) {
      MockResponse copy =
          new MockResponse()
              .setResponseCode(response.code())
              .setBody(new okio.Buffer().write(response.body().bytes()));
      String type = response.header("Content-Type");
      return type == null ? copy : copy.setHeader("Content-Type", type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
