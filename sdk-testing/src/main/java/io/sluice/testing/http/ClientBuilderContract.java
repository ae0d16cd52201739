package io.sluice.testing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.client.traits.ConfigurationTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.HttpTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
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
import com.azure.core.util.Header;
import com.azure.core.util.logging.ClientLogger;
import com.azure.core.util.logging.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The contract of a Sluice client builder's settings: azure-core's {@link HttpTrait}, {@link
 * TokenCredentialTrait}, {@link EndpointTrait} and {@link ConfigurationTrait}, each of which must
 * reach the HTTP pipeline of the client it builds. A builder's test extends this class and says how
 * to make a builder and one call; the contract sends that call through a scripted {@code
 * HttpClient} and checks what arrives.
 *
 * <p>The HTTP log check reads what slf4j-simple prints, so the module's tests need it with debug
 * logging on for {@code io.sluice.core.http} (in {@code simplelogger.properties}).
 *
 * @param <B> the builder
 */
public abstract class ClientBuilderContract<
    B extends HttpTrait<B> & TokenCredentialTrait<B> & EndpointTrait<B> & ConfigurationTrait<B>> {
  /** The bearer token the contract's credential hands out. */
  protected static final String TOKEN = "contract-token";

  private static final TokenCredential CREDENTIAL =
      request -> Mono.just(new AccessToken(TOKEN, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
  private static final RetryOptions ONE_QUICK_RETRY =
      new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(1)));
  private static final String LOGGING_POLICY =
      "io.sluice.core.http.implementation.RedactingLoggingPolicy";

  /** Creates the contract. */
  protected ClientBuilderContract() {}

  /**
   * A builder with what the service needs besides the traits (a workspace, a subscription) and
   * nothing read from this machine's environment or files.
   *
   * @return a new builder
   */
  protected abstract B newBuilder();

  /**
   * An https endpoint for {@link EndpointTrait#endpoint}, where nothing listens: the scripted
   * client answers instead.
   *
   * @return the endpoint, e.g. {@code https://adb-1.azuredatabricks.net}
   */
  protected abstract String endpoint();

  /**
   * Where the built client sends its requests, given {@link #endpoint()}.
   *
   * @return the endpoint itself, unless the service maps it (an {@code azureml://} tracking URI to
   *     {@code https://})
   */
  protected String requestUrlPrefix() {
    return endpoint();
  }

  /**
   * Builds the client and makes one idempotent call, a GET whose 2xx answer is {@link
   * #successBody()}.
   *
   * @param builder the configured builder
   */
  protected abstract void callOnce(B builder);

  /**
   * The JSON body of a successful answer to {@link #callOnce}.
   *
   * @return the body
   */
  protected abstract String successBody();

  /**
   * The HTTP client sends the call, to the endpoint, with the credential's token and Sluice's user
   * agent.
   */
  @Test
  public void theHttpClientCarriesTheCallToTheEndpointWithTheCredentialsToken() {
    ScriptedHttpClient client = client(200);

    callOnce(configured(client));

    assertThat(client.sent())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.url()).startsWith(requestUrlPrefix());
              assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TOKEN);
              assertThat(sent.header("User-Agent")).startsWith("sluice/");
            });
  }

  /** Retry options set how often a failed call is tried. */
  @Test
  public void retryOptionsSetHowOftenAFailedCallIsTried() {
    ScriptedHttpClient client = client(503, 503, 503, 200);
    B builder =
        configured(client)
            .retryOptions(new RetryOptions(new FixedDelayOptions(2, Duration.ofMillis(1))));

    assertThatThrownBy(() -> callOnce(builder)).isInstanceOf(RuntimeException.class);
    assertThat(client.sent()).hasSize(3);
  }

  /**
   * Without retry options, {@code AZURE_REQUEST_RETRY_COUNT} in the configuration sets the retries.
   */
  @Test
  public void theConfigurationSetsTheRetryCountWhenNoRetryOptionsAreGiven() {
    ScriptedHttpClient client = client(503, 503, 200);
    // Sources of its own: a ConfigurationBuilder without them writes into the global configuration.
    ConfigurationSource none = path -> Map.of();
    Configuration oneRetry =
        new ConfigurationBuilder(none, none, none)
            .putProperty(Configuration.PROPERTY_AZURE_REQUEST_RETRY_COUNT, "1")
            .build();
    B builder = configured(client).configuration(oneRetry);

    assertThatThrownBy(() -> callOnce(builder)).isInstanceOf(RuntimeException.class);
    assertThat(client.sent()).hasSize(2);
  }

  /** An added policy runs once per call or once per try, as its position says. */
  @Test
  public void addedPoliciesRunOncePerCallOrOncePerTry() {
    ScriptedHttpClient client = client(503, 200);
    Counting perCall = new Counting(HttpPipelinePosition.PER_CALL);
    Counting perTry = new Counting(HttpPipelinePosition.PER_RETRY);

    callOnce(configured(client).retryOptions(ONE_QUICK_RETRY).addPolicy(perCall).addPolicy(perTry));

    assertThat(client.sent()).hasSize(2);
    assertThat(perCall.runs).hasValue(1);
    assertThat(perTry.runs).hasValue(2);
  }

  /** Client options put their application id before the user agent and add their headers. */
  @Test
  public void clientOptionsPutTheApplicationIdBeforeTheUserAgentAndAddHeaders() {
    ScriptedHttpClient client = client(200);

    callOnce(
        configured(client)
            .clientOptions(
                new ClientOptions()
                    .setApplicationId("contract-app")
                    .setHeaders(List.of(new Header("x-contract", "on")))));

    assertThat(client.sent())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.header("User-Agent")).startsWith("contract-app sluice/");
              assertThat(sent.header("x-contract")).isEqualTo("on");
            });
  }

  /** HTTP log options set what is logged: request lines but no headers at {@code BASIC}. */
  @Test
  public void httpLogOptionsSetWhatIsLogged() {
    assertThat(new ClientLogger(LOGGING_POLICY).canLogAtLevel(LogLevel.VERBOSE))
        .as("debug logging for io.sluice.core.http, e.g. in the module's simplelogger.properties")
        .isTrue();
    String marker = UUID.randomUUID().toString();
    B builder =
        configured(client(200))
            .clientOptions(new ClientOptions().setHeaders(List.of(new Header("x-marker", marker))))
            .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.BASIC));

    String log;
    try (StandardErrorCapture capture = new StandardErrorCapture()) {
      callOnce(builder);
      log = capture.text();
    }

    // Without the options the headers, the marker among them, would be logged too.
    assertThat(log).contains("--> GET " + requestUrlPrefix()).doesNotContain(marker);
  }

  /** A pipeline takes precedence over every other HTTP setting and the credential. */
  @Test
  public void aPipelineReplacesEveryOtherHttpSettingAndTheCredential() {
    ScriptedHttpClient ignored = client(200);
    ScriptedHttpClient used = client(200);
    Counting policy = new Counting(HttpPipelinePosition.PER_CALL);
    HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(used).build();

    callOnce(
        configured(ignored)
            .addPolicy(policy)
            .retryOptions(ONE_QUICK_RETRY)
            .clientOptions(new ClientOptions().setHeaders(List.of(new Header("x-contract", "on"))))
            .pipeline(pipeline));

    assertThat(ignored.sent()).isEmpty();
    assertThat(policy.runs).hasValue(0);
    assertThat(used.sent())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.url()).startsWith(requestUrlPrefix());
              assertThat(sent.header("Authorization")).isNull();
              assertThat(sent.header("x-contract")).isNull();
            });
  }

  private B configured(ScriptedHttpClient client) {
    return newBuilder().endpoint(endpoint()).credential(CREDENTIAL).httpClient(client);
  }

  private ScriptedHttpClient client(Integer... statuses) {
    return new ScriptedHttpClient(successBody(), statuses);
  }

  /** Counts the times it runs. */
  private static final class Counting implements HttpPipelinePolicy {
    private final HttpPipelinePosition position;
    private final AtomicInteger runs = new AtomicInteger();

    Counting(HttpPipelinePosition position) {
      this.position = position;
    }

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

  /**
   * Keeps what is printed to {@code System.err} while it is open, still printing it; slf4j-simple
   * prints to whatever {@code System.err} is at each call.
   */
  private static final class StandardErrorCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    StandardErrorCapture() {
      System.setErr(
          new PrintStream(
              new OutputStream() {
                @Override
                public void write(int b) {
                  write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public synchronized void write(byte[] bytes, int off, int len) {
                  original.write(bytes, off, len);
                  captured.write(bytes, off, len);
                }
              },
              true,
              StandardCharsets.UTF_8));
    }

    String text() {
      return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      System.setErr(original);
    }
  }
}
