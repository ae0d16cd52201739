package io.sluice.core.http;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.logging.ClientLogger;
import io.sluice.core.http.implementation.FixedAuthorizationPolicy;
import io.sluice.core.http.implementation.RedactingLoggingPolicy;
import io.sluice.core.http.implementation.SafeRetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Builds the {@link HttpPipeline} a Sluice client sends its requests through.
 *
 * <p>Policies, closest to the API first: caller policies, user agent, retry, authentication,
 * logging. Retries cover 429, 500, 502, 503, 504 and I/O failures (refused or reset connections,
 * timeouts), wait as long as a {@code Retry-After} header asks (seconds or an HTTP date) or else
 * back off exponentially with jitter up to a maximum, and replay a POST or PATCH only when the
 * request was marked with {@link SluiceHttp#retrySafe}. At most one authentication method may be
 * set; none of them lets a secret reach a log line, {@code toString} or an exception message.
 *
 * <pre>{@code
 * HttpPipeline pipeline = new SluiceHttpPipelineBuilder()
 *     .bearerToken(System.getenv("MLFLOW_TRACKING_TOKEN"))
 *     .maxRetries(5)
 *     .build();
 * }</pre>
 */
public final class SluiceHttpPipelineBuilder {
  private static final ClientLogger LOGGER = new ClientLogger(SluiceHttpPipelineBuilder.class);
  private static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofMillis(1500);

  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(60);
  private int maxRetries = 6;
  private Duration baseRetryDelay = Duration.ofMillis(500);
  private Duration maxRetryDelay = Duration.ofSeconds(30);
  private HttpClient httpClient;
  private final List<HttpPipelinePolicy> authPolicies = new ArrayList<>();
  private final List<HttpPipelinePolicy> callerPolicies = new ArrayList<>();

  /** Creates a builder with 10 s connect and 60 s read timeouts and 6 retries. */
  public SluiceHttpPipelineBuilder() {}

  /**
   * Sets how long to wait for a TCP connection.
   *
   * @param timeout a positive duration; default 10 s
   * @return this builder
   */
  public SluiceHttpPipelineBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = positive("connectTimeout", timeout);
    return this;
  }

  /**
   * Sets how long to wait between two reads of a response.
   *
   * @param timeout a positive duration; default 60 s
   * @return this builder
   */
  public SluiceHttpPipelineBuilder readTimeout(Duration timeout) {
    this.readTimeout = positive("readTimeout", timeout);
    return this;
  }

  /**
   * Sets how many times a failed request is retried.
   *
   * @param maxRetries 0 (never) or more; default 6
   * @return this builder
   */
  public SluiceHttpPipelineBuilder maxRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw LOGGER.logExceptionAsError(
          new IllegalArgumentException(
              "'maxRetries' is " + maxRetries + "; use 0 to disable retries or a positive count"));
    }
    this.maxRetries = maxRetries;
    return this;
  }

  /**
   * Sets the exponential backoff used when the service sends no {@code Retry-After}: the n-th retry
   * waits about {@code base * 2^n} (with jitter), never more than {@code max}.
   *
   * @param base the first delay; default 500 ms
   * @param max the longest delay; default 30 s
   * @return this builder
   */
  public SluiceHttpPipelineBuilder retryDelay(Duration base, Duration max) {
    positive("retryDelay base", base);
    positive("retryDelay max", max);
    if (max.compareTo(base) < 0) {
      throw LOGGER.logExceptionAsError(
          new IllegalArgumentException(
              "'retryDelay' max " + max + " is shorter than base " + base + "; use max >= base"));
    }
    this.baseRetryDelay = base;
    this.maxRetryDelay = max;
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
   * Adds a policy that runs once per call, before retries (for example a header a client adds).
   *
   * @param policy the policy
   * @return this builder
   */
  public SluiceHttpPipelineBuilder addPolicy(HttpPipelinePolicy policy) {
    callerPolicies.add(Objects.requireNonNull(policy, "'policy' is null"));
    return this;
  }

  /**
   * Sends through the given client instead of a new OkHttp client; the timeouts set here are then
   * the given client's business.
   *
   * @param httpClient the client, for example one shared by several pipelines
   * @return this builder
   */
  public SluiceHttpPipelineBuilder httpClient(HttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "'httpClient' is null");
    return this;
  }

  /**
   * Builds the pipeline.
   *
   * @return the pipeline
   * @throws IllegalStateException when more than one authentication method was set
   */
  public HttpPipeline build() {
    if (authPolicies.size() > 1) {
      throw LOGGER.logExceptionAsError(
          new IllegalStateException(
              authPolicies.size()
                  + " authentication methods were set; call only one of"
                  + " credential(...), bearerToken(...) or basicAuth(...)"));
    }
    List<HttpPipelinePolicy> policies = new ArrayList<>(callerPolicies);
    policies.add(new UserAgentPolicy(SluiceHttp.userAgent()));
    policies.add(new SafeRetryPolicy(maxRetries, baseRetryDelay, maxRetryDelay));
    policies.addAll(authPolicies);
    policies.add(new RedactingLoggingPolicy());
    HttpClient client =
        httpClient != null
            ? httpClient
            : new OkHttpAsyncHttpClientBuilder(
                    new OkHttpClient.Builder()
                        // OkHttp silently replays any request, POSTs included, on some connection
                        // failures; replays are the retry policy's decision alone.
                        .retryOnConnectionFailure(false)
                        // Without those silent replays, a POST on a pooled connection the server
                        // has
                        // closed for idleness fails. Servers close idle connections after 2 s
                        // (gunicorn)
                        // or 5 s (uvicorn), so the pool drops them sooner.
                        .connectionPool(
                            new ConnectionPool(
                                16, IDLE_CONNECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                        .build())
                .connectionTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .build();
    return new HttpPipelineBuilder()
        .httpClient(client)
        .policies(policies.toArray(new HttpPipelinePolicy[0]))
        .build();
  }

  private static Duration positive(String field, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw LOGGER.logExceptionAsError(
          new IllegalArgumentException(
              "'"
                  + field
                  + "' is "
                  + value
                  + "; use a positive duration such as Duration.ofSeconds(10)"));
    }
    return value;
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
