package io.sluice.core.http;

import com.azure.core.client.traits.ConfigurationTrait;
import com.azure.core.client.traits.HttpTrait;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.HttpPolicyProviders;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Configuration;
import com.azure.core.util.HttpClientOptions;
import com.azure.core.util.logging.ClientLogger;
import io.sluice.core.http.implementation.FixedAuthorizationPolicy;
import io.sluice.core.http.implementation.RedactingLoggingPolicy;
import io.sluice.core.http.implementation.SafeRetryPolicy;
import io.sluice.core.http.implementation.SluiceRetryStrategy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Builds the {@link HttpPipeline} a Sluice client sends its requests through. Every Sluice client
 * builder takes the same settings, azure-core's {@link HttpTrait} and {@link ConfigurationTrait},
 * and hands them to this builder, so they mean the same for every service.
 *
 * <p>Policies, closest to the API first: user agent (with {@link ClientOptions}' application id)
 * and {@link ClientOptions}' headers, the policies added to run once per call, retry,
 * authentication, the policies added to run once per try, logging. Retries cover 429, 500, 502,
 * 503, 504 and I/O failures (refused or reset connections, timeouts), wait as long as a {@code
 * Retry-After} header asks (seconds or an HTTP date) or else back off as the {@link RetryOptions}
 * say, and replay a POST or PATCH only when the request was marked with {@link
 * SluiceHttp#retrySafe}. At most one authentication method may be set; none of them lets a secret
 * reach a log line, {@code toString} or an exception message.
 *
 * <p>A whole {@link #pipeline(HttpPipeline) pipeline}, when given, takes precedence over every
 * other setting here, which is then ignored.
 *
 * <pre>{@code
 * HttpPipeline pipeline = new SluiceHttpPipelineBuilder()
 *     .bearerToken(System.getenv("MLFLOW_TRACKING_TOKEN"))
 *     .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(5)))
 *     .build();
 * }</pre>
 */
public final class SluiceHttpPipelineBuilder
    implements HttpTrait<SluiceHttpPipelineBuilder>, ConfigurationTrait<SluiceHttpPipelineBuilder> {
  private static final ClientLogger LOGGER = new ClientLogger(SluiceHttpPipelineBuilder.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofMillis(1500);

  private HttpClient httpClient;
  private HttpPipeline pipeline;
  private final List<HttpPipelinePolicy> perCallPolicies = new ArrayList<>();
  private final List<HttpPipelinePolicy> perRetryPolicies = new ArrayList<>();
  private RetryOptions retryOptions;
  private HttpLogOptions httpLogOptions;
  private ClientOptions clientOptions;
  private Configuration configuration;
  private final List<HttpPipelinePolicy> authPolicies = new ArrayList<>();

  /**
   * Creates a builder: 6 retries backing off from 500 ms to 30 s, 10 s connect and 60 s read
   * timeouts, everything logged at debug level with secrets masked.
   */
  public SluiceHttpPipelineBuilder() {}

  /**
   * Starts a builder with every setting of this one, for example so that a client builder can add
   * its service's authentication without changing the settings it was given.
   *
   * @return a new builder
   */
  public SluiceHttpPipelineBuilder copy() {
    SluiceHttpPipelineBuilder copy = new SluiceHttpPipelineBuilder();
    copy.httpClient = httpClient;
    copy.pipeline = pipeline;
    copy.perCallPolicies.addAll(perCallPolicies);
    copy.perRetryPolicies.addAll(perRetryPolicies);
    copy.retryOptions = retryOptions;
    copy.httpLogOptions = httpLogOptions;
    copy.clientOptions = clientOptions;
    copy.configuration = configuration;
    copy.authPolicies.addAll(authPolicies);
    return copy;
  }

  /**
   * Sends through the given client instead of a new OkHttp client; the timeouts of {@link
   * #clientOptions} are then the given client's business.
   *
   * @param httpClient the client, for example one shared by several pipelines; null for a new
   *     OkHttp client
   * @return this builder
   */
  @Override
  public SluiceHttpPipelineBuilder httpClient(HttpClient httpClient) {
    this.httpClient = httpClient;
    return this;
  }

  /**
   * Sends through this pipeline, which takes precedence over every other setting of this builder:
   * they are then ignored, authentication included, so the pipeline must authenticate itself.
   *
   * @param pipeline the pipeline; null to build one from the other settings
   * @return this builder
   */
  @Override
  public SluiceHttpPipelineBuilder pipeline(HttpPipeline pipeline) {
    this.pipeline = pipeline;
    return this;
  }

  /**
   * Adds a policy: once per call, before retries, when its {@link
   * HttpPipelinePolicy#getPipelinePosition() position} is {@link HttpPipelinePosition#PER_CALL};
   * else once per try, after authentication.
   *
   * @param policy the policy
   * @return this builder
   */
  @Override
  public SluiceHttpPipelineBuilder addPolicy(HttpPipelinePolicy policy) {
    Objects.requireNonNull(policy, "'policy' is null; pass a policy");
    if (policy.getPipelinePosition() == HttpPipelinePosition.PER_CALL) {
      perCallPolicies.add(policy);
    } else {
      perRetryPolicies.add(policy);
    }
    return this;
  }

  /**
   * Sets how failed requests are retried: exponential backoff (a value left unset keeps Sluice's
   * default of 6 retries from 500 ms to 30 s) or a fixed delay, and optionally which failures are
   * retried instead of Sluice's. A {@code Retry-After} from the service still sets the wait, and an
   * unmarked POST or PATCH is still never replayed.
   *
   * @param retryOptions the options; null for Sluice's defaults, with the retry count from {@code
   *     AZURE_REQUEST_RETRY_COUNT} in the {@link #configuration} when it is set there
   * @return this builder
   */
  @Override
  public SluiceHttpPipelineBuilder retryOptions(RetryOptions retryOptions) {
    this.retryOptions = retryOptions;
    return this;
  }

  /**
   * Sets what is logged at debug level: the options' detail level, and the values of only the
   * headers and query parameters they allow. Secrets are masked whatever the options say.
   *
   * @param httpLogOptions the options; null to log request lines, headers and small JSON bodies
   * @return this builder
   */
  @Override
  public SluiceHttpPipelineBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
    this.httpLogOptions = httpLogOptions;
    return this;
  }

  /**
   * Sets the application id put before Sluice's {@code User-Agent}, headers sent with every
   * request, and, from {@link HttpClientOptions}, the timeouts of the OkHttp client built here.
   *
   * @param clientOptions the options; null for none
   * @return this builder
   */
  @Override
  public SluiceHttpPipelineBuilder clientOptions(ClientOptions clientOptions) {
    this.clientOptions = clientOptions;
    return this;
  }

  /**
   * Sets where {@code AZURE_REQUEST_RETRY_COUNT} and the proxy settings ({@code HTTPS_PROXY},
   * {@code NO_PROXY}, ...) are read from.
   *
   * @param configuration the configuration; null for the global one (environment variables and
   *     system properties)
   * @return this builder
   */
  @Override
  public SluiceHttpPipelineBuilder configuration(Configuration configuration) {
    this.configuration = configuration;
    return this;
  }

  /**
   * Authenticates with Microsoft Entra ID tokens; the service must be reached over HTTPS.
   *
   * @param credential the credential, for example {@code DefaultAzureCredential}
   * @param scopes the token scopes, for example {@code https://management.azure.com/.default}
   * @return this builder
   */
  public SluiceHttpPipelineBuilder credential(TokenCredential credential, String... scopes) {
    Objects.requireNonNull(credential, "'credential' is null; pass a TokenCredential");
    if (scopes.length == 0) {
      throw LOGGER.logExceptionAsError(
          new IllegalArgumentException(
              "'scopes' is empty; pass the token scope, for example https://management.azure.com/.default"));
    }
    authPolicies.add(new BearerTokenAuthenticationPolicy(credential, scopes));
    return this;
  }

  /**
   * Authenticates with a fixed bearer token (a personal access token or an MLflow token).
   *
   * @param token the token; never logged
   * @return this builder
   */
  public SluiceHttpPipelineBuilder bearerToken(String token) {
    authPolicies.add(new FixedAuthorizationPolicy("Bearer " + nonBlank("bearerToken", token)));
    return this;
  }

  /**
   * Authenticates with HTTP basic authentication.
   *
   * @param username the user name
   * @param password the password; never logged
   * @return this builder
   */
  public SluiceHttpPipelineBuilder basicAuth(String username, String password) {
    String pair = nonBlank("username", username) + ":" + nonBlank("password", password);
    authPolicies.add(
        new FixedAuthorizationPolicy(
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
    return this;
  }

  /**
   * Builds the pipeline.
   *
   * @return the pipeline given to {@link #pipeline(HttpPipeline)}, else a new one
   * @throws IllegalStateException when more than one authentication method was set
   */
  public HttpPipeline build() {
    if (pipeline != null) {
      String ignored = ignoredSettings();
      if (!ignored.isEmpty()) {
        LOGGER.info("pipeline(...) takes precedence; {} ignored", ignored);
      }
      return pipeline;
    }
    if (authPolicies.size() > 1) {
      throw LOGGER.logExceptionAsError(
          new IllegalStateException(
              authPolicies.size()
                  + " authentication methods were set; call only one of"
                  + " credential(...), bearerToken(...) or basicAuth(...)"));
    }
    Configuration config =
        configuration != null ? configuration : Configuration.getGlobalConfiguration();
    List<HttpPipelinePolicy> policies = new ArrayList<>();
    policies.add(new UserAgentPolicy(userAgent()));
    HttpHeaders headers = new HttpHeaders();
    if (clientOptions != null) {
      clientOptions
          .getHeaders()
          .forEach(h -> headers.set(HttpHeaderName.fromString(h.getName()), h.getValue()));
    }
    if (headers.getSize() > 0) {
      policies.add(new AddHeadersPolicy(headers));
    }
    policies.addAll(perCallPolicies);
    HttpPolicyProviders.addBeforeRetryPolicies(policies);
    policies.add(new SafeRetryPolicy(SluiceRetryStrategy.of(retryOptions, config)));
    policies.addAll(authPolicies);
    policies.addAll(perRetryPolicies);
    HttpPolicyProviders.addAfterRetryPolicies(policies);
    policies.add(new RedactingLoggingPolicy(httpLogOptions));
    HttpPipelineBuilder builder =
        new HttpPipelineBuilder()
            .httpClient(httpClient != null ? httpClient : okHttpClient(config))
            .policies(policies.toArray(new HttpPipelinePolicy[0]));
    if (clientOptions != null) {
      // Tracing and metrics options reach the pipeline's tracer this way.
      builder.clientOptions(clientOptions);
    }
    return builder.build();
  }

  private String userAgent() {
    String applicationId = clientOptions != null ? clientOptions.getApplicationId() : null;
    return applicationId == null || applicationId.isEmpty()
        ? SluiceHttp.userAgent()
        : applicationId + " " + SluiceHttp.userAgent();
  }

  private HttpClient okHttpClient(Configuration config) {
    OkHttpAsyncHttpClientBuilder builder =
        new OkHttpAsyncHttpClientBuilder(
                new OkHttpClient.Builder()
                    // OkHttp silently replays any request, POSTs included, on some connection
                    // failures; replays are the retry policy's decision alone.
                    .retryOnConnectionFailure(false)
                    // Without those silent replays, a POST on a pooled connection the server has
                    // closed for idleness fails. Servers close idle connections after 2 s
                    // (gunicorn) or 5 s (uvicorn), so the pool drops them sooner.
                    .connectionPool(
                        new ConnectionPool(
                            16, IDLE_CONNECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .build())
            .configuration(config);
    if (clientOptions instanceof HttpClientOptions options) {
      builder
          .connectionTimeout(options.getConnectTimeout())
          .readTimeout(options.getReadTimeout())
          .writeTimeout(options.getWriteTimeout())
          .responseTimeout(options.getResponseTimeout())
          .proxy(options.getProxyOptions());
    } else {
      builder
          .connectionTimeout(CONNECT_TIMEOUT)
          .readTimeout(READ_TIMEOUT)
          .writeTimeout(READ_TIMEOUT);
    }
    return builder.build();
  }

  private String ignoredSettings() {
    StringJoiner ignored = new StringJoiner(", ");
    addIf(ignored, httpClient != null, "httpClient");
    addIf(ignored, !perCallPolicies.isEmpty() || !perRetryPolicies.isEmpty(), "addPolicy");
    addIf(ignored, retryOptions != null, "retryOptions");
    addIf(ignored, httpLogOptions != null, "httpLogOptions");
    addIf(ignored, clientOptions != null, "clientOptions");
    addIf(ignored, configuration != null, "configuration");
    addIf(ignored, !authPolicies.isEmpty(), "authentication");
    return ignored.toString();
  }

  private static void addIf(StringJoiner joiner, boolean condition, String name) {
    if (condition) {
      joiner.add(name);
    }
  }

  private static String nonBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      // The value is blank or null, so naming it here reveals nothing.
      throw LOGGER.logExceptionAsError(
          new IllegalArgumentException(
              "'"
                  + field
                  + "' is "
                  + (value == null ? "null" : "blank")
                  + "; pass a non-blank value"));
    }
    return value;
  }
}
