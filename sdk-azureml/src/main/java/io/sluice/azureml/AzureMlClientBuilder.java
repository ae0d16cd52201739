package io.sluice.azureml;

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
import com.azure.core.util.logging.ClientLogger;
import io.sluice.azureml.datastore.BlobSnapshotUploader;
import io.sluice.azureml.implementation.ArmClient;
import io.sluice.core.http.SluiceHttp;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import io.sluice.core.model.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds an {@link AzureMlClient} for one workspace.
 *
 * <pre>{@code
 * AzureMlClient client = new AzureMlClientBuilder()
 *     .workspace(Workspace.fromConfig())
 *     .credential(new DefaultAzureCredentialBuilder().build())
 *     .buildClient();
 * }</pre>
 *
 * <p>Requests go through Sluice's shared HTTP pipeline (retries that honour {@code Retry-After},
 * Entra ID tokens for the endpoint's {@code /.default} scope, logs with secrets masked). Its
 * settings are azure-core's traits, shared by every Sluice client builder and applied by {@link
 * SluiceHttpPipelineBuilder}; a whole {@link HttpPipeline}, when given, takes precedence over the
 * others and must authenticate itself.
 */
@ServiceClientBuilder(serviceClients = AzureMlClient.class)
public final class AzureMlClientBuilder
    implements HttpTrait<AzureMlClientBuilder>,
        TokenCredentialTrait<AzureMlClientBuilder>,
        EndpointTrait<AzureMlClientBuilder>,
        ConfigurationTrait<AzureMlClientBuilder> {
  /** The public cloud's Azure Resource Manager endpoint. */
  public static final String DEFAULT_ENDPOINT = SluiceHttp.ARM_PUBLIC_CLOUD;

  private static final ClientLogger LOGGER = new ClientLogger(AzureMlClientBuilder.class);

  private final SluiceHttpPipelineBuilder http = new SluiceHttpPipelineBuilder();
  private boolean pipelineSet;
  private Workspace workspace;
  private TokenCredential credential;
  private String endpoint = DEFAULT_ENDPOINT;
  private AzureMlServiceVersion serviceVersion = AzureMlServiceVersion.getLatest();
  private HttpClient httpClient;
  private Duration pollInterval = Duration.ofSeconds(5);
  private SnapshotUploader snapshotUploader;
  private String runHistoryEndpoint;

  /** Creates a builder. */
  public AzureMlClientBuilder() {}

  /**
   * Sets the workspace.
   *
   * @param workspace the workspace, for example {@code Workspace.fromConfig()}
   * @return this builder
   */
  public AzureMlClientBuilder workspace(Workspace workspace) {
    this.workspace = Objects.requireNonNull(workspace, "'workspace' is null");
    return this;
  }

  /**
   * Sets the workspace from Azure ML's {@code config.json}, searched from a folder upwards as Azure
   * ML does ({@code .azureml/}, {@code aml_config/}, the folder itself).
   *
   * @param path a config file or the folder to search from
   * @return this builder
   * @throws io.sluice.core.ConfigurationException when no file is found or a key is missing
   */
  public AzureMlClientBuilder configFile(Path path) {
    return workspace(Workspace.fromConfig(path));
  }

  /**
   * Sets the credential.
   *
   * @param credential for example {@code DefaultAzureCredential}
   * @return this builder
   */
  @Override
  public AzureMlClientBuilder credential(TokenCredential credential) {
    this.credential = Objects.requireNonNull(credential, "'credential' is null");
    return this;
  }

  /**
   * Signs in with azure-identity's {@code DefaultAzureCredential} (environment, workload or managed
   * identity, Azure CLI, ...). Sluice does not depend on azure-identity, so the application must
   * put {@code com.azure:azure-identity} on its class path.
   *
   * @return this builder
   * @throws IllegalStateException when azure-identity is not on the class path
   */
  public AzureMlClientBuilder defaultAzureCredential() {
    try {
      Class<?> type = Class.forName("com.azure.identity.DefaultAzureCredentialBuilder");
      Object builder = type.getConstructor().newInstance();
      return credential((TokenCredential) type.getMethod("build").invoke(builder));
    } catch (ClassNotFoundException e) {
      throw fail(
          "DefaultAzureCredential needs azure-identity on the class path; add the"
              + " dependency com.azure:azure-identity, or pass your own credential(...)");
    } catch (ReflectiveOperationException e) {
      throw fail("could not create DefaultAzureCredential: " + e);
    }
  }

  /**
   * Sets the Azure Resource Manager endpoint, for a sovereign cloud.
   *
   * @param endpoint for example {@code https://management.usgovcloudapi.net}
   * @return this builder
   */
  @Override
  public AzureMlClientBuilder endpoint(String endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "'endpoint' is null");
    return this;
  }

  /**
   * Sets the API version.
   *
   * @param serviceVersion the version; {@link AzureMlServiceVersion#getLatest()} by default
   * @return this builder
   */
  public AzureMlClientBuilder serviceVersion(AzureMlServiceVersion serviceVersion) {
    this.serviceVersion = Objects.requireNonNull(serviceVersion, "'serviceVersion' is null");
    return this;
  }

  /**
   * Sends through this HTTP client: Azure Resource Manager calls inside Sluice's pipeline, and the
   * storage and scoring calls of the client.
   *
   * @param httpClient the client; null for a new OkHttp client
   * @return this builder
   */
  @Override
  public AzureMlClientBuilder httpClient(HttpClient httpClient) {
    http.httpClient(httpClient);
    this.httpClient = httpClient;
    return this;
  }

  /**
   * Sends Azure Resource Manager calls through this pipeline, which takes precedence over every
   * other HTTP setting and the credential: it must authenticate itself.
   *
   * @param pipeline the pipeline; null for Sluice's
   * @return this builder
   */
  @Override
  public AzureMlClientBuilder pipeline(HttpPipeline pipeline) {
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
  public AzureMlClientBuilder addPolicy(HttpPipelinePolicy policy) {
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
  public AzureMlClientBuilder retryOptions(RetryOptions retryOptions) {
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
  public AzureMlClientBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
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
  public AzureMlClientBuilder clientOptions(ClientOptions clientOptions) {
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
  public AzureMlClientBuilder configuration(Configuration configuration) {
    http.configuration(configuration);
    return this;
  }

  /**
   * Sets the wait between two status requests of a long-running operation or a job, unless the
   * service asks for another with {@code Retry-After}.
   *
   * @param pollInterval a positive duration; 5 s by default
   * @return this builder
   * @throws IllegalArgumentException when not positive
   */
  public AzureMlClientBuilder pollInterval(Duration pollInterval) {
    if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
      throw LOGGER.logExceptionAsError(
          new IllegalArgumentException(
              "'pollInterval' is "
                  + pollInterval
                  + "; use a positive duration such as"
                  + " Duration.ofSeconds(5)"));
    }
    this.pollInterval = pollInterval;
    return this;
  }

  /**
   * Replaces the blob upload of code snapshots and local models.
   *
   * @param uploader the uploader; azure-storage-blob by default
   * @return this builder
   */
  public AzureMlClientBuilder snapshotUploader(SnapshotUploader uploader) {
    this.snapshotUploader = Objects.requireNonNull(uploader, "'uploader' is null");
    return this;
  }

  /**
   * Sets the Azure ML run history endpoint, where a pipeline job's child jobs are listed.
   *
   * @param endpoint for example {@code https://westeurope.api.azureml.ms}; derived from the
   *     workspace's region by default
   * @return this builder
   */
  public AzureMlClientBuilder runHistoryEndpoint(String endpoint) {
    this.runHistoryEndpoint = Objects.requireNonNull(endpoint, "'endpoint' is null");
    return this;
  }

  /**
   * Builds the client.
   *
   * @return a new client
   * @throws IllegalStateException when the workspace or the credential is missing, or the endpoint
   *     is not an absolute http(s) URL (https with a credential)
   */
  public AzureMlClient buildClient() {
    if (workspace == null) {
      throw fail(
          "no workspace is set; call workspace(Workspace.fromConfig()) or" + " configFile(path)");
    }
    if (!pipelineSet && credential == null) {
      throw fail(
          "no credential is set; call defaultAzureCredential(), credential(...)"
              + " or pass an authenticated pipeline(...)");
    }
    String arm = SluiceHttp.checkEndpoint(endpoint, !pipelineSet, DEFAULT_ENDPOINT);
    SluiceHttpPipelineBuilder pipeline = http.copy();
    if (credential != null) {
      pipeline.credential(credential, arm + "/.default");
    }
    ArmClient client =
        new ArmClient(
            pipeline.build(),
            arm,
            serviceVersion.getVersion(),
            workspace.resourceId(),
            pollInterval);
    return new AzureMlClient(
        client,
        workspace,
        httpClient,
        snapshotUploader != null ? snapshotUploader : new BlobSnapshotUploader(),
        runHistoryEndpoint == null ? null : stripSlash(runHistoryEndpoint),
        pollInterval);
  }

  private static IllegalStateException fail(String message) {
    IllegalStateException error = new IllegalStateException(message);
    LOGGER.logExceptionAsError(error);
    return error;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
