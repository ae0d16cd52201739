package io.sluice.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.Context;
import com.azure.core.util.DateTimeRfc1123;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SluiceHttpPipelineBuilderTest {
  private static final String CANARY = "canary-7f3a9c1e-secret";

  static {
    // Before the first pipeline exists: slf4j-simple fixes a logger's level when it is created.
    LogCapture.enableDebugLogging();
  }

  private final MockWebServer server = new MockWebServer();
  private final HttpPipeline pipeline =
      new SluiceHttpPipelineBuilder()
          .retryOptions(
              new RetryOptions(
                  new ExponentialBackoffOptions()
                      .setBaseDelay(Duration.ofMillis(10))
                      .setMaxDelay(Duration.ofMillis(50))))
          .build();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void retriesTooManyRequestsAfterTheSecondsInRetryAfter() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
    server.enqueue(new MockResponse().setBody("ok"));

    long start = System.nanoTime();
    try (HttpResponse response = send(HttpMethod.GET, Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(200);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retriesServiceUnavailableUntilTheHttpDateInRetryAfter() {
    // Timed from before the date is taken: formatting it can be slow in a cold JVM, and that time
    // would come off the wait.
    long start = System.nanoTime();
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2);
    server.enqueue(
        new MockResponse()
            .setResponseCode(503)
            .setHeader("Retry-After", new DateTimeRfc1123(due).toString()));
    server.enqueue(new MockResponse().setBody("ok"));

    try (HttpResponse response = send(HttpMethod.GET, Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(200);
    }
    // The date has whole seconds, so the wait is between one and two seconds.
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void retriesEachRetryableStatusWithBackoffAndGivesUpAfterMaxRetries() {
    for (int status : new int[] {500, 502, 503, 504}) {
      server.enqueue(new MockResponse().setResponseCode(status));
    }
    server.enqueue(new MockResponse().setBody("ok"));
    try (HttpResponse response = send(HttpMethod.GET, Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(200);
    }

    HttpPipeline twoRetries =
        new SluiceHttpPipelineBuilder()
            .retryOptions(
                new RetryOptions(
                    new ExponentialBackoffOptions()
                        .setMaxRetries(2)
                        .setBaseDelay(Duration.ofMillis(1))
                        .setMaxDelay(Duration.ofMillis(5))))
            .build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    try (HttpResponse response = twoRetries.sendSync(request(HttpMethod.GET), Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(503);
    }
    assertThat(server.getRequestCount()).isEqualTo(5 + 3);
  }

  @Test
  void doesNotRetryClientErrors() {
    server.enqueue(new MockResponse().setResponseCode(404));
    try (HttpResponse response = send(HttpMethod.GET, Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(404);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void postIsRetriedOnlyWhenMarkedSafe() {
    server.enqueue(new MockResponse().setResponseCode(503));
    try (HttpResponse response = send(HttpMethod.POST, Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(503);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);

    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("ok"));
    try (HttpResponse response = send(HttpMethod.POST, SluiceHttp.retrySafe(Context.NONE))) {
      assertThat(response.getStatusCode()).isEqualTo(200);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void resetConnectionIsRetriedForSafeRequestsOnly() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setBody("ok"));
    try (HttpResponse response = send(HttpMethod.GET, Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(200);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);

    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    assertThat(catchThrowable(() -> send(HttpMethod.POST, Context.NONE))).isNotNull();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anUnmarkedPostAfterTheServerClosedAnIdleConnectionStillSucceeds() throws Exception {
    // The server closes the connection after answering, as servers do with idle ones.
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
    server.enqueue(new MockResponse().setBody("created"));
    send(HttpMethod.GET, Context.NONE).close();
    Thread.sleep(2_000);
    try (HttpResponse response = send(HttpMethod.POST, Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(200);
    }
  }

  @Test
  void sendsTheSluiceUserAgent() throws InterruptedException {
    server.enqueue(new MockResponse());
    send(HttpMethod.GET, Context.NONE).close();
    assertThat(server.takeRequest().getHeader("User-Agent")).startsWith("sluice/");
  }

  @Test
  void tokenCanaryNeverReachesLogsOrExceptionMessages() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      HttpPipeline withToken =
          new SluiceHttpPipelineBuilder()
              .bearerToken(CANARY)
              .retryOptions(new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(1))))
              .build();
      server.enqueue(new MockResponse().setResponseCode(503));
      server.enqueue(
          new MockResponse().setResponseCode(401).setBody("{\"token\":\"" + CANARY + "\"}"));
      HttpRequest request =
          new HttpRequest(
              HttpMethod.GET,
              server.url("/api?sig=" + CANARY + "&api_key=" + CANARY + "&x=1").toString());
      withToken.sendSync(request, Context.NONE).close();
      assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + CANARY);

      HttpRequest post =
          new HttpRequest(HttpMethod.POST, server.url("/create").toString())
              .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
              .setBody(
                  "{\"name\":\"n\",\"password\":\""
                      + CANARY
                      + "\",\"client_secret\":\""
                      + CANARY
                      + "\"}");
      server.enqueue(new MockResponse());
      withToken.sendSync(post, Context.NONE).close();

      Throwable refused =
          catchThrowable(
              () ->
                  withToken.sendSync(
                      new HttpRequest(
                          HttpMethod.GET,
                          "http://127.0.0.1:" + closedPort() + "/x?token=" + CANARY),
                      Context.NONE));
      HttpPipeline basic = new SluiceHttpPipelineBuilder().basicAuth("user", CANARY).build();
      server.enqueue(new MockResponse());
      basic.sendSync(request(HttpMethod.GET), Context.NONE).close();
      Throwable twoAuths =
          catchThrowable(
              () ->
                  new SluiceHttpPipelineBuilder()
                      .bearerToken(CANARY)
                      .basicAuth("u", CANARY)
                      .build());

      assertThat(logs.text())
          .contains("--> GET", "--> POST", "<-- 401", "Authorization: REDACTED", "\"name\":\"n\"");
      assertThat(logs.text()).doesNotContain(CANARY);
      assertThat(refused).isNotNull();
      assertThat(twoAuths).isInstanceOf(IllegalStateException.class);
      for (Throwable t : new Throwable[] {refused, twoAuths}) {
        assertThat(String.valueOf(t)).doesNotContain(CANARY);
      }
    }
  }

  @Test
  void rejectsBadConfigurationNamingTheField() {
    assertThatThrownBy(() -> new SluiceHttpPipelineBuilder().bearerToken(" "))
        .hasMessageContaining("'bearerToken' is blank");
  }

  private HttpResponse send(HttpMethod method, Context context) {
    return pipeline.sendSync(request(method), context);
  }

  private HttpRequest request(HttpMethod method) {
    HttpRequest request = new HttpRequest(method, server.url("/path").toString());
    return method == HttpMethod.GET ? request : request.setBody("{}");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
