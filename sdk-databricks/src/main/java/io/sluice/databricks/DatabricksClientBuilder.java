package io.sluice.databricks;

import com.azure.core.annotation.ServiceClientBuilder;
import com.azure.core.client.traits.ConfigurationTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.HttpTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Configuration;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import io.sluice.databricks.implementation.ConfigResolver;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.implementation.ResolvedConfig;
import io.sluice.databricks.implementation.RunPolling;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link DatabricksClient}.
 *
 * <p>The workspace and credential come from, in order: the values set here; the environment
 * variables {@code DATABRICKS_HOST} and {@code DATABRICKS_TOKEN} for what is still unset; a profile
 * of {@code ~/.databrickscfg} (or {@code DATABRICKS_CONFIG_FILE}). The file is read when a profile
 * is named ({@link #profile}, or {@code DATABRICKS_CONFIG_PROFILE}) or nothing else gave a host or
 * credential; the profile is then the named one, else {@code [__settings__] default_profile}, else
 * {@code DEFAULT}. A {@link TokenCredential} authenticates with Microsoft Entra ID tokens for the
 * Azure Databricks application ({@value #AZURE_DATABRICKS_SCOPE}).
 *
 * <p>The HTTP settings are azure-core's traits, shared by every Sluice client builder and applied
 * by {@link SluiceHttpPipelineBuilder}; a {@link #pipeline whole pipeline} takes precedence over
 * the others and must authenticate itself.
 *
 * <pre>{@code
 * DatabricksClient client = new DatabricksClientBuilder().profile("dev").buildClient();
 * }</pre>
 */
@ServiceClientBuilder(serviceClients = DatabricksClient.class)
public final class DatabricksClientBuilder
    implements HttpTrait<DatabricksClientBuilder>,
        TokenCredentialTrait<DatabricksClientBuilder>,
        EndpointTrait<DatabricksClientBuilder>,
        ConfigurationTrait<DatabricksClientBuilder> {
  /** The Entra ID scope of Azure Databricks. */
  public static final String AZURE_DATABRICKS_SCOPE =
      "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default";

  private final SluiceHttpPipelineBuilder http = new SluiceHttpPipelineBuilder();
  private boolean pipelineSet;
  private String host;
  private String token;
  private TokenCredential credential;
  private String azureWorkspaceResourceId;
  private String profile;
  private Path configFile;
  private Map<String, String> environment = System.getenv();
  private Duration pollInterval = RunPolling.DEFAULT_FLOOR;
  private Duration pollIntervalFloor = RunPolling.DEFAULT_FLOOR;
  private Duration maxPollInterval = Duration.ofSeconds(30);

  /** Creates a builder. */
  public DatabricksClientBuilder() {}

  /**
   * Sets the workspace URL.
   *
   * @param host e.g. {@code https://adb-1234567890123456.7.azuredatabricks.net}
   * @return this builder
   */
  @Override
  public DatabricksClientBuilder endpoint(String host) {
    this.host = host;
    return this;
  }

  /**
   * Authenticates with a personal access token.
   *
   * @param token the token; never logged or shown in messages
   * @return this builder
   */
  public DatabricksClientBuilder token(String token) {
    this.token = token;
    return this;
  }

  /**
   * Authenticates with Microsoft Entra ID tokens (scope {@value #AZURE_DATABRICKS_SCOPE}).
   *
   * @param credential for example {@code DefaultAzureCredential}
   * @return this builder
   */
  @Override
  public DatabricksClientBuilder credential(TokenCredential credential) {
    this.credential = Objects.requireNonNull(credential, "'credential' is null");
    return this;
  }

  /**
   * Sends {@code X-Databricks-Azure-Workspace-Resource-Id}, which a service principal that is not
   * yet a workspace user needs on its first call.
   *
   * @param resourceId the ARM id of the Azure Databricks workspace
   * @return this builder
   */
  public DatabricksClientBuilder azureWorkspaceResourceId(String resourceId) {
    this.azureWorkspaceResourceId = resourceId;
    return this;
  }

  /**
   * Names the {@code .databrickscfg} profile to read.
   *
   * @param profile the section name, e.g. {@code dev} or {@code my_workspace}
   * @return this builder
   */
  public DatabricksClientBuilder profile(String profile) {
    this.profile = profile;
    return this;
  }

  /**
   * Reads profiles from another file than {@code ~/.databrickscfg}.
   *
   * @param configFile the file
   * @return this builder
   */
  public DatabricksClientBuilder configFile(Path configFile) {
    this.configFile = configFile;
    return this;
  }

  /**
   * Reads {@code DATABRICKS_*} and {@code HOME} from this map instead of the process environment.
   *
   * @param environment the variables
   * @return this builder
   */
  public DatabricksClientBuilder environment(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    return this;
  }

  /**
   * Sends through this HTTP client inside Sluice's pipeline.
   *
   * @param httpClient the client; null for a new OkHttp client
   * @return this builder
   */
  @Override
  public DatabricksClientBuilder httpClient(HttpClient httpClient) {
    http.httpClient(httpClient);
    return this;
  }

  /**
   * Sends through this pipeline, which takes precedence over every other HTTP setting, the token,
   * the credential and {@link #azureWorkspaceResourceId} included: it must authenticate itself.
   *
   * @param pipeline the pipeline; null for Sluice's
   * @return this builder
   */
  @Override
  public DatabricksClientBuilder pipeline(HttpPipeline pipeline) {
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
  public DatabricksClientBuilder addPolicy(HttpPipelinePolicy policy) {
    http.addPolicy(policy);
    return this;
  }

  /**
   * Sets how failed calls are retried: 429 and 5xx (honouring {@code Retry-After}) and connection
   * failures, for idempotent calls and for POSTs that carry an idempotency token.
   *
   * @param retryOptions the options; null for 6 retries backing off from 500 ms to 30 s
   * @return this builder
   */
  @Override
  public DatabricksClientBuilder retryOptions(RetryOptions retryOptions) {
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
  public DatabricksClientBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
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
  public DatabricksClientBuilder clientOptions(ClientOptions clientOptions) {
    http.clientOptions(clientOptions);
    return this;
  }

  /**
   * Sets where the HTTP stack reads {@code AZURE_REQUEST_RETRY_COUNT} and proxy settings; the
   * {@code DATABRICKS_*} variables come from {@link #environment}.
   *
   * @param configuration the configuration; null for the global one
   * @return this builder
   */
  @Override
  public DatabricksClientBuilder configuration(Configuration configuration) {
    http.configuration(configuration);
    return this;
  }

  /**
   * Sets how often a run or cluster is polled while waiting: first after {@code interval}, then
   * less often up to {@code max}.
   *
   * @param interval the first delay; 2 s by default, and at least the {@linkplain
   *     #pollIntervalFloor floor}
   * @param max the longest delay; default 30 s
   * @return this builder
   */
  public DatabricksClientBuilder pollInterval(Duration interval, Duration max) {
    this.pollInterval = Objects.requireNonNull(interval, "'interval' is null");
    this.maxPollInterval = Objects.requireNonNull(max, "'max' is null");
    return this;
  }

  /**
   * Sets the shortest first delay {@link #pollInterval} accepts: 2 s unless set, which keeps
   * waiting at one status request per 2 s. Set it lower only for a stand-in of the workspace on
   * this machine, such as a test's fake.
   *
   * @param floor a positive duration
   * @return this builder
   */
  public DatabricksClientBuilder pollIntervalFloor(Duration floor) {
    this.pollIntervalFloor = Objects.requireNonNull(floor, "'floor' is null");
    return this;
  }

  /**
   * Builds the client.
   *
   * @return the client
   * @throws IllegalStateException when no host or credential can be found, both a token and a
   *     credential are set, or a setting is out of range
   */
  public DatabricksClient buildClient() {
    if (token != null && credential != null) {
      throw new IllegalStateException("Both token(...) and credential(...) are set; set only one");
    }
    ResolvedConfig config =
        ConfigResolver.resolve(
            host, token, credential != null || pipelineSet, profile, configFile, environment);
    RunPolling polling;
    try {
      polling = new RunPolling(pollInterval, maxPollInterval, pollIntervalFloor);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    SluiceHttpPipelineBuilder pipeline = http.copy();
    if (azureWorkspaceResourceId != null) {
      pipeline.addPolicy(
          new AddHeadersPolicy(
              new HttpHeaders()
                  .set(
                      HttpHeaderName.fromString("X-Databricks-Azure-Workspace-Resource-Id"),
                      azureWorkspaceResourceId)));
    }
    if (credential != null) {
      pipeline.credential(credential, AZURE_DATABRICKS_SCOPE);
    } else if (!pipelineSet) {
      pipeline.bearerToken(config.token());
    }
    return new DatabricksClient(new DatabricksHttp(pipeline.build(), config.host()), polling);
  }
}
