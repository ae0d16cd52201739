package io.sluice.databricks.management;

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
import io.sluice.core.http.SluiceHttp;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.implementation.RunPolling;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link DatabricksWorkspacesClient}: a subscription, and a {@link TokenCredential} for
 * Azure Resource Manager (or a whole {@link HttpPipeline}, which then takes precedence over every
 * other HTTP setting and must authenticate itself).
 *
 * <p>The HTTP settings are azure-core's traits, shared by every Sluice client builder and applied
 * by {@link SluiceHttpPipelineBuilder}.
 */
@ServiceClientBuilder(serviceClients = DatabricksWorkspacesClient.class)
public final class DatabricksWorkspacesClientBuilder
    implements HttpTrait<DatabricksWorkspacesClientBuilder>,
        TokenCredentialTrait<DatabricksWorkspacesClientBuilder>,
        EndpointTrait<DatabricksWorkspacesClientBuilder>,
        ConfigurationTrait<DatabricksWorkspacesClientBuilder> {
  private final SluiceHttpPipelineBuilder http = new SluiceHttpPipelineBuilder();
  private boolean pipelineSet;
  private String endpoint = SluiceHttp.ARM_PUBLIC_CLOUD;
  private String subscriptionId;
  private TokenCredential credential;
  private Duration pollInterval = RunPolling.DEFAULT_FLOOR;
  private Duration pollIntervalFloor = RunPolling.DEFAULT_FLOOR;
  private Duration maxPollInterval = Duration.ofSeconds(30);

  /** Creates a builder. */
  public DatabricksWorkspacesClientBuilder() {}

  /**
   * Sets the ARM endpoint of a sovereign cloud.
   *
   * @param endpoint default {@code https://management.azure.com}
   * @return this builder
   */
  @Override
  public DatabricksWorkspacesClientBuilder endpoint(String endpoint) {
    this.endpoint = endpoint;
    return this;
  }

  /**
   * Sets the subscription.
   *
   * @param subscriptionId the subscription id
   * @return this builder
   */
  public DatabricksWorkspacesClientBuilder subscriptionId(String subscriptionId) {
    this.subscriptionId = subscriptionId;
    return this;
  }

  /**
   * Authenticates with Microsoft Entra ID for the endpoint's {@code /.default} scope.
   *
   * @param credential for example {@code DefaultAzureCredential}
   * @return this builder
   */
  @Override
  public DatabricksWorkspacesClientBuilder credential(TokenCredential credential) {
    this.credential = credential;
    return this;
  }

  /**
   * Sends through this HTTP client inside Sluice's pipeline.
   *
   * @param httpClient the client; null for a new OkHttp client
   * @return this builder
   */
  @Override
  public DatabricksWorkspacesClientBuilder httpClient(HttpClient httpClient) {
    http.httpClient(httpClient);
    return this;
  }

  /**
   * Sends through this pipeline instead of one built from the other settings, which are then
   * ignored; it must authenticate itself.
   *
   * @param pipeline the pipeline; null for Sluice's
   * @return this builder
   */
  @Override
  public DatabricksWorkspacesClientBuilder pipeline(HttpPipeline pipeline) {
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
  public DatabricksWorkspacesClientBuilder addPolicy(HttpPipelinePolicy policy) {
    http.addPolicy(policy);
    return this;
  }

  /**
   * Sets how failed calls are retried: 429 and 5xx (honouring {@code Retry-After}) and connection
   * failures, for idempotent calls.
   *
   * @param retryOptions the options; null for 6 retries backing off from 500 ms to 30 s
   * @return this builder
   */
  @Override
  public DatabricksWorkspacesClientBuilder retryOptions(RetryOptions retryOptions) {
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
  public DatabricksWorkspacesClientBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
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
  public DatabricksWorkspacesClientBuilder clientOptions(ClientOptions clientOptions) {
    http.clientOptions(clientOptions);
    return this;
  }

  /**
   * Sets where the HTTP stack reads {@code AZURE_REQUEST_RETRY_COUNT} and proxy settings.
   *
   * @param configuration the configuration; null for the global one
   * @return this builder
   */
  @Override
  public DatabricksWorkspacesClientBuilder configuration(Configuration configuration) {
    http.configuration(configuration);
    return this;
  }

  /**
   * Sets how often provisioning is polled.
   *
   * @param interval the first delay; at least the {@linkplain #pollIntervalFloor floor}, 2 s
   * @param max the longest delay
   * @return this builder
   */
  public DatabricksWorkspacesClientBuilder pollInterval(Duration interval, Duration max) {
    this.pollInterval = interval;
    this.maxPollInterval = max;
    return this;
  }

  /**
   * Sets the shortest first delay {@link #pollInterval} accepts: 2 s unless set, which keeps
   * provisioning at one status request per 2 s. Set it lower only for a stand-in of ARM on this
   * machine, such as a test's fake.
   *
   * @param floor a positive duration
   * @return this builder
   */
  public DatabricksWorkspacesClientBuilder pollIntervalFloor(Duration floor) {
    this.pollIntervalFloor = Objects.requireNonNull(floor, "'floor' is null");
    return this;
  }

  /**
   * Builds the client.
   *
   * @return the client
   * @throws IllegalStateException when the subscription, or both credential and pipeline, are
   *     missing, or the endpoint is not an https URL
   */
  public DatabricksWorkspacesClient buildClient() {
    if (subscriptionId == null || subscriptionId.isBlank()) {
      throw new IllegalStateException(
          "'subscriptionId' is missing; set the subscription that holds the workspaces");
    }
    if (!pipelineSet && credential == null) {
      throw new IllegalStateException(
          "Neither credential(...) nor pipeline(...) is set; set a TokenCredential for ARM");
    }
    RunPolling polling;
    try {
      polling = new RunPolling(pollInterval, maxPollInterval, pollIntervalFloor);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    String arm = SluiceHttp.checkEndpoint(endpoint, !pipelineSet, SluiceHttp.ARM_PUBLIC_CLOUD);
    SluiceHttpPipelineBuilder pipeline = http.copy();
    if (credential != null) {
      pipeline.credential(credential, arm + "/.default");
    }
    return new DatabricksWorkspacesClient(
        new DatabricksHttp(pipeline.build(), arm), subscriptionId, polling);
  }
}
