package io.sluice.databricks;

import com.azure.core.annotation.ServiceClientBuilder;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import io.sluice.databricks.implementation.ConfigResolver;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.implementation.ResolvedConfig;
import io.sluice.databricks.implementation.RunPolling;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * <pre>{@code
 * DatabricksClient client = new DatabricksClientBuilder().profile("dev").buildClient();
 * }</pre>
 */
@ServiceClientBuilder(serviceClients = DatabricksClient.class)
public final class DatabricksClientBuilder {
  /** The Entra ID scope of Azure Databricks. */
  public static final String AZURE_DATABRICKS_SCOPE =
      "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default";

  private String host;
  private String token;
  private TokenCredential credential;
  private String azureWorkspaceResourceId;
  private String profile;
  private Path configFile;
  private Map<String, String> environment = System.getenv();
  private HttpClient httpClient;
  private final List<HttpPipelinePolicy> policies = new ArrayList<>();
  private Integer maxRetries;
  private Duration retryBase;
  private Duration retryMax;
  private Duration pollInterval = RunPolling.FLOOR;
  private Duration maxPollInterval = Duration.ofSeconds(30);

  /** Creates a builder. */
  public DatabricksClientBuilder() {}

  /**
   * Sets the workspace URL.
   *
   * @param host e.g. {@code https://adb-1234567890123456.7.azuredatabricks.net}
   * @return this builder
   */
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
   * Sends through this HTTP client.
   *
   * @param httpClient the client
   * @return this builder
   */
  public DatabricksClientBuilder httpClient(HttpClient httpClient) {
    this.httpClient = httpClient;
    return this;
  }

  /**
   * Adds a policy to every call.
   *
   * @param policy the policy
   * @return this builder
   */
  public DatabricksClientBuilder addPolicy(HttpPipelinePolicy policy) {
    policies.add(Objects.requireNonNull(policy, "'policy' is null"));
    return this;
  }

  /**
   * Sets how failed calls are retried: 429 and 5xx (honouring {@code Retry-After}) and connection
   * failures, for idempotent calls and for POSTs that carry an idempotency token.
   *
   * @param maxRetries how many retries; default 6
   * @param base the first backoff delay; default 500 ms
   * @param max the longest backoff delay; default 30 s
   * @return this builder
   */
  public DatabricksClientBuilder retryOptions(int maxRetries, Duration base, Duration max) {
    this.maxRetries = maxRetries;
    this.retryBase = base;
    this.retryMax = max;
    return this;
  }

  /**
   * Sets how often a run or cluster is polled while waiting: first after {@code interval}, then
   * less often up to {@code max}.
   *
   * @param interval the first delay; at least 2 s (the default)
   * @param max the longest delay; default 30 s
   * @return this builder
   */
  public DatabricksClientBuilder pollInterval(Duration interval, Duration max) {
    this.pollInterval = Objects.requireNonNull(interval, "'interval' is null");
    this.maxPollInterval = Objects.requireNonNull(max, "'max' is null");
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
        ConfigResolver.resolve(host, token, credential != null, profile, configFile, environment);
    RunPolling polling;
    try {
      polling = new RunPolling(pollInterval, maxPollInterval);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    SluiceHttpPipelineBuilder pipeline = new SluiceHttpPipelineBuilder();
    policies.forEach(pipeline::addPolicy);
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
    } else {
      pipeline.bearerToken(config.token());
    }
    if (httpClient != null) {
      pipeline.httpClient(httpClient);
    }
    try {
      if (maxRetries != null) {
        pipeline.maxRetries(maxRetries).retryDelay(retryBase, retryMax);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return new DatabricksClient(new DatabricksHttp(pipeline.build(), config.host()), polling);
  }
}
