package io.sluice.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.ConfigurationSource;
import com.azure.core.util.Context;
import com.azure.core.util.Header;
import com.azure.core.util.HttpClientOptions;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The azure-core trait settings of the shared pipeline, one by one. */
class SluiceHttpPipelineTraitsTest {
  static {
    // Before the first pipeline exists: slf4j-simple fixes a logger's level when it is created.
    LogCapture.enableDebugLogging();
  }

  private static final RetryOptions ONE_QUICK_RETRY =
      new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(1)));

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void aPipelineTakesPrecedenceOverEveryOtherSetting() throws InterruptedException {
    AtomicInteger policyRuns = new AtomicInteger();
    HttpPipeline own = new HttpPipelineBuilder().build();
    HttpPipeline built =
        new SluiceHttpPipelineBuilder()
            .httpClient(request -> Mono.error(new AssertionError("the pipeline's client is used")))
            .addPolicy(counting(policyRuns, HttpPipelinePosition.PER_CALL))
            .retryOptions(ONE_QUICK_RETRY)
            .bearerToken("ignored")
            .pipeline(own)
            .build();
    server.enqueue(new MockResponse().setResponseCode(503));

    assertThat(built).isSameAs(own);
    try (HttpResponse response = built.sendSync(get(), Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(503);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getHeader("Authorization")).isNull();
    assertThat(policyRuns).hasValue(0);
  }

  @Test
  void aGivenHttpClientSendsTheRequests() {
    AtomicInteger sent = new AtomicInteger();
    HttpPipeline pipeline =
        new SluiceHttpPipelineBuilder()
            .httpClient(
                request -> {
                  sent.incrementAndGet();
                  return Mono.error(new IllegalStateException("refused"));
                })
            .retryOptions(ONE_QUICK_RETRY)
            .build();

    try {
      pipeline.sendSync(get(), Context.NONE).close();
    } catch (IllegalStateException expected) {
      // The fake refuses every request.
    }
    assertThat(sent).hasValue(1);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aPerCallPolicyRunsOnceAndAPerRetryPolicyOncePerTry() {
    AtomicInteger perCall = new AtomicInteger();
    AtomicInteger perRetry = new AtomicInteger();
    HttpPipeline pipeline =
        new SluiceHttpPipelineBuilder()
            .addPolicy(counting(perCall, HttpPipelinePosition.PER_CALL))
            .addPolicy(counting(perRetry, HttpPipelinePosition.PER_RETRY))
            .retryOptions(ONE_QUICK_RETRY)
            .build();
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse());

    pipeline.sendSync(get(), Context.NONE).close();

    assertThat(perCall).hasValue(1);
    assertThat(perRetry).hasValue(2);
  }

  @Test
  void fixedDelayRetryOptionsSetTheRetriesAndAConditionWhichFailuresAreRetried() {
    HttpPipeline twoRetries =
        new SluiceHttpPipelineBuilder()
            .retryOptions(new RetryOptions(new FixedDelayOptions(2, Duration.ofMillis(1))))
            .build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    twoRetries.sendSync(get(), Context.NONE).close();
    assertThat(server.getRequestCount()).isEqualTo(3);

    HttpPipeline retriesNotFound =
        new SluiceHttpPipelineBuilder()
            .retryOptions(
                new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(1)))
                    .setShouldRetryCondition(
                        c -> c.getResponse() != null && c.getResponse().getStatusCode() == 404))
            .build();
    server.enqueue(new MockResponse().setResponseCode(404));
    server.enqueue(new MockResponse());
    server.enqueue(new MockResponse().setResponseCode(503));
    try (HttpResponse response = retriesNotFound.sendSync(get(), Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(200);
    }
    try (HttpResponse response = retriesNotFound.sendSync(get(), Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(503);
    }
    assertThat(server.getRequestCount()).isEqualTo(3 + 3);
  }

  @Test
  void retryOptionsNeverReplayAnUnmarkedPost() {
    HttpPipeline pipeline = new SluiceHttpPipelineBuilder().retryOptions(ONE_QUICK_RETRY).build();
    server.enqueue(new MockResponse().setResponseCode(503));

    HttpRequest post = new HttpRequest(HttpMethod.POST, server.url("/p").toString()).setBody("{}");
    pipeline.sendSync(post, Context.NONE).close();

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theConfigurationSetsTheRetryCountWhenNoRetryOptionsAreGiven() {
    // Sources of its own: a ConfigurationBuilder without them writes into the global configuration.
    ConfigurationSource none = path -> Map.of();
    Configuration oneRetry =
        new ConfigurationBuilder(none, none, none)
            .putProperty(Configuration.PROPERTY_AZURE_REQUEST_RETRY_COUNT, "1")
            .build();
    HttpPipeline pipeline = new SluiceHttpPipelineBuilder().configuration(oneRetry).build();
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse());

    try (HttpResponse response = pipeline.sendSync(get(), Context.NONE)) {
      assertThat(response.getStatusCode()).isEqualTo(503);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void clientOptionsPutTheApplicationIdBeforeTheUserAgentAndAddHeaders()
      throws InterruptedException {
    HttpPipeline pipeline =
        new SluiceHttpPipelineBuilder()
            .clientOptions(
                new ClientOptions()
                    .setApplicationId("churn-job")
                    .setHeaders(List.of(new Header("x-team", "ml"))))
            .build();
    server.enqueue(new MockResponse());

    pipeline.sendSync(get(), Context.NONE).close();

    var request = server.takeRequest();
    assertThat(request.getHeader("User-Agent")).isEqualTo("churn-job " + SluiceHttp.userAgent());
    assertThat(request.getHeader("x-team")).isEqualTo("ml");
  }

  @Test
  void httpClientOptionsSetTheTimeoutsOfTheBuiltClient() {
    HttpPipeline pipeline =
        new SluiceHttpPipelineBuilder()
            .clientOptions(new HttpClientOptions().setReadTimeout(Duration.ofMillis(200)))
            .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
            .build();
    // Within the default read timeout of 60 s, but not within 200 ms.
    server.enqueue(new MockResponse().setHeadersDelay(2, TimeUnit.SECONDS));

    assertThatThrownBy(() -> pipeline.sendSync(get(), Context.NONE).close())
        .hasCauseInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void httpLogOptionsSetTheDetailAndWhichValuesShow() {
    String marker = UUID.randomUUID().toString();
    HttpLogOptions basic = new HttpLogOptions().setLogLevel(HttpLogDetailLevel.BASIC);
    HttpLogOptions headers =
        new HttpLogOptions()
            .setLogLevel(HttpLogDetailLevel.HEADERS)
            .setAllowedHttpHeaderNames(Set.of(HttpHeaderName.fromString("x-shown")))
            .setAllowedQueryParamNames(Set.of("shown"));

    String basicLog = logOf(basic, marker, "/basic");
    String headersLog = logOf(headers, marker, "/headers");
    String noneLog =
        logOf(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE), marker, "/none");
    String defaultLog = logOf(null, marker, "/default");

    assertThat(basicLog)
        .contains("--> GET", "/basic?shown=REDACTED&hidden=REDACTED")
        .doesNotContain("x-shown", marker);
    assertThat(headersLog)
        .contains("x-shown: " + marker, "x-hidden: REDACTED", "shown=" + marker, "hidden=REDACTED");
    assertThat(noneLog).doesNotContain("/none");
    assertThat(defaultLog).contains("x-shown: " + marker, "x-hidden: " + marker);
  }

  @Test
  void aCopyHasEverySettingAndChangesApartFromTheOriginal() throws InterruptedException {
    SluiceHttpPipelineBuilder original =
        new SluiceHttpPipelineBuilder()
            .clientOptions(new ClientOptions().setApplicationId("copied"))
            .retryOptions(ONE_QUICK_RETRY);
    SluiceHttpPipelineBuilder copy = original.copy().bearerToken("only-in-the-copy");
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse());
    server.enqueue(new MockResponse());

    copy.build().sendSync(get(), Context.NONE).close();
    original.build().sendSync(get(), Context.NONE).close();

    assertThat(server.getRequestCount()).isEqualTo(3);
    var retried = server.takeRequest();
    assertThat(retried.getHeader("User-Agent")).startsWith("copied ");
    assertThat(retried.getHeader("Authorization")).isEqualTo("Bearer only-in-the-copy");
    server.takeRequest();
    assertThat(server.takeRequest().getHeader("Authorization")).isNull();
  }

  private String logOf(HttpLogOptions options, String marker, String path) {
    HttpPipeline pipeline = new SluiceHttpPipelineBuilder().httpLogOptions(options).build();
    server.enqueue(new MockResponse());
    HttpRequest request =
        new HttpRequest(
                HttpMethod.GET,
                server.url(path + "?shown=" + marker + "&hidden=" + marker).toString())
            .setHeader(HttpHeaderName.fromString("x-shown"), marker)
            .setHeader(HttpHeaderName.fromString("x-hidden"), marker);
    try (LogCapture logs = new LogCapture()) {
      pipeline.sendSync(request, Context.NONE).close();
      return logs.text();
    }
  }

  private HttpRequest get() {
    return new HttpRequest(HttpMethod.GET, server.url("/path").toString());
  }

  private static HttpPipelinePolicy counting(AtomicInteger runs, HttpPipelinePosition position) {
    return new Counting(runs, position);
  }

  /** Counts the times it runs. */
  private record Counting(AtomicInteger runs, HttpPipelinePosition position)
      implements HttpPipelinePolicy {
    @Override
    public Mono<HttpResponse> process(
        HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
      runs.incrementAndGet();
      return next.process();
    }

    @Override
    public HttpResponse processSync(
        HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
      runs.incrementAndGet();
      return next.processSync();
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
      return position;
    }
  }
}
