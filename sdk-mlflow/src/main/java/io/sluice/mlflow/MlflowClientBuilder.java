package io.sluice.mlflow;

import com.azure.core.annotation.ServiceClientBuilder;
import com.azure.core.client.traits.ConfigurationTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.HttpTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Configuration;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an {@link MlflowClient}.
 *
 * <p>The tracking URI is the one passed to {@link #trackingUri}, else the environment variable
 * {@code MLFLOW_TRACKING_URI}, else {@code http://localhost:5000} (where {@code mlflow server}
 * listens by default). Supported: {@code http(s)://…} (credentials from {@code
 * MLFLOW_TRACKING_TOKEN}, or {@code MLFLOW_TRACKING_USERNAME} and {@code
 * MLFLOW_TRACKING_PASSWORD}), {@code databricks} and {@code databricks://<profile>} ({@code
 * DATABRICKS_HOST}/{@code DATABRICKS_TOKEN} or {@code ~/.databrickscfg}), and {@code azureml://…}
 * (with a {@link #credential TokenCredential}). Anything else fails {@link #buildClient()} with an
 * {@link MlflowConfigurationException} that says what to use.
 *
 * <p>The HTTP settings are azure-core's traits, shared by every Sluice client builder and applied
 * by {@link SluiceHttpPipelineBuilder}; a {@link #pipeline whole pipeline} takes precedence over
 * the others and must authenticate itself.
 */
@ServiceClientBuilder(serviceClients = MlflowClient.class)
public final class MlflowClientBuilder
    implements HttpTrait<MlflowClientBuilder>,
        TokenCredentialTrait<MlflowClientBuilder>,
        EndpointTrait<MlflowClientBuilder>,
        ConfigurationTrait<MlflowClientBuilder> {
  private final SluiceHttpPipelineBuilder http = new SluiceHttpPipelineBuilder();
  private boolean pipelineSet;
  private String trackingUri;
  private TokenCredential credential;
  private Map<String, String> environment = System.getenv();
  private int asyncQueueCapacity = 100_000;

  /** Creates a builder. */
  public MlflowClientBuilder() {}

  /**
   * Sets the tracking URI.
   *
   * @param trackingUri for example {@code http://127.0.0.1:5000} or {@code databricks://dev}
   * @return this builder
   */
  public MlflowClientBuilder trackingUri(String trackingUri) {
    this.trackingUri = Objects.requireNonNull(trackingUri, "'trackingUri' is null");
    return this;
  }

  /**
   * Sets the tracking URI, as {@link #trackingUri} does, for code that configures builders through
   * {@link EndpointTrait}.
   *
   * @param endpoint for example {@code http://127.0.0.1:5000} or {@code azureml://…}
   * @return this builder
   */
  @Override
  public MlflowClientBuilder endpoint(String endpoint) {
    return trackingUri(endpoint);
  }

  /**
   * Sets the Entra ID credential for {@code azureml://} URIs and Azure Databricks workspaces
   * without a token.
   *
   * @param credential for example {@code DefaultAzureCredential}
   * @return this builder
   */
  @Override
  public MlflowClientBuilder credential(TokenCredential credential) {
    this.credential = Objects.requireNonNull(credential, "'credential' is null");
    return this;
  }

  /**
   * Sends through this HTTP client inside Sluice's pipeline.
   *
   * @param httpClient the client; null for a new OkHttp client
   * @return this builder
   */
  @Override
  public MlflowClientBuilder httpClient(HttpClient httpClient) {
    http.httpClient(httpClient);
    return this;
  }

  /**
   * Sends through this pipeline, which takes precedence over every other HTTP setting and the
   * tracking URI's credentials: it must authenticate itself.
   *
   * @param pipeline the pipeline; null for Sluice's
   * @return this builder
   */
  @Override
  public MlflowClientBuilder pipeline(HttpPipeline pipeline) {
    http.pipeline(pipeline);
    this.pipelineSet = pipeline != null;
    return this;
  }

  /**
   * Adds a policy, run once per call or once per try as its position says.
   *
   * @param policy the policy
   * @return this builder
   */
  @Override
  public MlflowClientBuilder addPolicy(HttpPipelinePolicy policy) {
    http.addPolicy(policy);
    return this;
  }

  /**
   * Sets how failed requests are retried: 429, 5xx (honouring {@code Retry-After}) and I/O errors,
   * for idempotent requests and for those whose replay changes nothing.
   *
   * @param retryOptions the options; null for 6 retries backing off from 500 ms to 30 s
   * @return this builder
   */
  @Override
  public MlflowClientBuilder retryOptions(RetryOptions retryOptions) {
    http.retryOptions(retryOptions);
    return this;
  }

  /**
   * Sets what is logged at debug level; secrets and tokens are masked whatever the options say.
   *
   * @param httpLogOptions the options; null to log request lines, headers and small bodies
   * @return this builder
   */
  @Override
  public MlflowClientBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
    http.httpLogOptions(httpLogOptions);
    return this;
  }

  /**
   * Sets the application id put before the {@code User-Agent}, headers for every request and, with
   * {@link com.azure.core.util.HttpClientOptions}, timeouts.
   *
   * @param clientOptions the options; null for none
   * @return this builder
   */
  @Override
  public MlflowClientBuilder clientOptions(ClientOptions clientOptions) {
    http.clientOptions(clientOptions);
    return this;
  }

  /**
   * Sets where the HTTP stack reads {@code AZURE_REQUEST_RETRY_COUNT} and proxy settings; the
   * {@code MLFLOW_*} and {@code DATABRICKS_*} variables come from the process environment.
   *
   * @param configuration the configuration; null for the global one
   * @return this builder
   */
  @Override
  public MlflowClientBuilder configuration(Configuration configuration) {
    http.configuration(configuration);
    return this;
  }

  /**
   * Sets how many entries each {@link MlflowRunLogger} may hold before logging calls wait.
   *
   * @param capacity at least 1; default 100,000 (a few MB)
   * @return this builder
   */
  public MlflowClientBuilder asyncQueueCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("'asyncQueueCapacity' is " + capacity + "; use 1 or more");
    }
    this.asyncQueueCapacity = capacity;
    return this;
  }

  /** Replaces the environment variables read (for tests). */
  MlflowClientBuilder environment(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    return this;
  }

  /**
   * Builds the client.
   *
   * @return the client
   * @throws MlflowConfigurationException when the tracking URI or its credentials cannot be used
   */
  public MlflowClient buildClient() {
    TrackingTarget target =
        TrackingTarget.resolve(trackingUri, environment, credential, pipelineSet);
    SluiceHttpPipelineBuilder pipeline = http.copy();
    target.authentication.accept(pipeline);
    return new MlflowClient(new MlflowRest(pipeline.build(), target.baseUrl), asyncQueueCapacity);
  }
}
