package io.sluice.azureml;

import com.azure.core.annotation.ServiceClientBuilder;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.util.logging.ClientLogger;
import io.sluice.azureml.datastore.BlobSnapshotUploader;
import io.sluice.azureml.implementation.ArmClient;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import io.sluice.core.model.Workspace;
import java.net.URI;
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
 * Entra ID tokens for {@code https://management.azure.com/.default}, logs with secrets masked)
 * unless a whole {@link HttpPipeline} is given, which then takes precedence.
 */
@ServiceClientBuilder(serviceClients = AzureMlClient.class)
public final class AzureMlClientBuilder {
  /** The public cloud's Azure Resource Manager endpoint. */
  public static final String DEFAULT_ENDPOINT = "https://management.azure.com";

  private static final ClientLogger LOGGER = new ClientLogger(AzureMlClientBuilder.class);

  private Workspace workspace;
  private TokenCredential credential;
  private String endpoint = DEFAULT_ENDPOINT;
  private AzureMlServiceVersion serviceVersion = AzureMlServiceVersion.getLatest();
  private HttpClient httpClient;
  private HttpPipeline pipeline;
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
   * Sends through this HTTP client inside Sluice's pipeline.
   *
   * @param httpClient the client
   * @return this builder
   */
  public AzureMlClientBuilder httpClient(HttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "'httpClient' is null");
    return this;
  }

  /**
   * Sends through this pipeline, which must authenticate itself; it takes precedence over every
   * other HTTP setting, so {@link #credential} and {@link #httpClient} may not be set with it.
   *
   * @param pipeline the pipeline
   * @return this builder
   */
  public AzureMlClientBuilder pipeline(HttpPipeline pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "'pipeline' is null");
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
   * @throws IllegalStateException when the workspace or the credential is missing, settings
   *     conflict, or the endpoint is not an absolute http(s) URL
   */
  public AzureMlClient buildClient() {
    if (workspace == null) {
      throw fail(
          "no workspace is set; call workspace(Workspace.fromConfig()) or" + " configFile(path)");
    }
    if (pipeline != null && (credential != null || httpClient != null)) {
      throw fail(
          "pipeline(...) was set together with "
              + (credential != null ? "credential(...)" : "httpClient(...)")
              + "; a pipeline carries its own authentication and HTTP client, so set only one");
    }
    if (pipeline == null && credential == null) {
      throw fail(
          "no credential is set; call defaultAzureCredential(), credential(...)"
              + " or pass an authenticated pipeline(...)");
    }
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw fail("endpoint '" + endpoint + "' is not a URL; use " + DEFAULT_ENDPOINT);
    }
    if (uri.getScheme() == null
        || uri.getHost() == null
        || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
      throw fail(
          "endpoint '" + endpoint + "' is not an absolute http(s) URL; use " + DEFAULT_ENDPOINT);
    }
    if (credential != null && !uri.getScheme().equals("https")) {
      throw fail(
          "endpoint '"
              + endpoint
              + "' is not https; Entra ID tokens are only sent over"
              + " https");
    }
    HttpPipeline httpPipeline = pipeline;
    if (httpPipeline == null) {
      SluiceHttpPipelineBuilder builder =
          new SluiceHttpPipelineBuilder()
              .credential(credential, stripSlash(endpoint) + "/.default");
      if (httpClient != null) {
        builder.httpClient(httpClient);
      }
      httpPipeline = builder.build();
    }
    ArmClient arm =
        new ArmClient(
            httpPipeline,
            stripSlash(endpoint),
            serviceVersion.getVersion(),
            workspace.resourceId(),
            pollInterval);
    return new AzureMlClient(
        arm,
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
