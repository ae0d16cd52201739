package io.sluice.azureml.transport;

import com.azure.core.credential.TokenCredential;
import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.AzureMlClientBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds an {@code azureml} transport with typed settings: {@link AzureMlTransport#builder()}. Each
 * setting is written as the key a configuration file would hold and read by the same reader as
 * {@code Sluice.transport("azureml", Map)}, so both give equal settings and refuse a bad value with
 * the same {@link io.sluice.core.ConfigurationException}. Settings not given keep the defaults
 * documented on {@link AzureMlTransportProvider}.
 */
public final class AzureMlTransportBuilder {
  private final Map<String, String> keys;
  private AzureMlClient client;
  private TokenCredential credential;

  AzureMlTransportBuilder(Map<String, String> keys) {
    this.keys = new TreeMap<>(keys);
  }

  /**
   * Sets the workspace's {@code config.json}, or the folder to search it from ({@code configFile});
   * ignored when a {@link #client(AzureMlClient)} is given.
   *
   * @param configFile the file or folder
   * @return this builder
   */
  public AzureMlTransportBuilder configFile(Path configFile) {
    return put("configFile", configFile);
  }

  /**
   * Sets the folder the definition's relative source directories are resolved in ({@code
   * baseDirectory}).
   *
   * @param baseDirectory the folder
   * @return this builder
   */
  public AzureMlTransportBuilder baseDirectory(Path baseDirectory) {
    return put("baseDirectory", baseDirectory);
  }

  /**
   * Sets the compute of steps that name none ({@code defaultCompute}).
   *
   * @param defaultCompute the compute's name in the workspace
   * @return this builder
   */
  public AzureMlTransportBuilder defaultCompute(String defaultCompute) {
    return put("defaultCompute", defaultCompute);
  }

  /**
   * Sets the wait between two status requests of a run ({@code pollIntervalSeconds}).
   *
   * @param pollIntervalSeconds whole seconds, 1 or more
   * @return this builder
   */
  public AzureMlTransportBuilder pollIntervalSeconds(long pollIntervalSeconds) {
    return put("pollIntervalSeconds", pollIntervalSeconds);
  }

  /**
   * Sets the Azure Resource Manager endpoint ({@code endpoint}); ignored when a {@link
   * #client(AzureMlClient)} is given.
   *
   * @param endpoint e.g. {@code https://management.azure.com}
   * @return this builder
   */
  public AzureMlTransportBuilder endpoint(String endpoint) {
    return put("endpoint", endpoint);
  }

  /**
   * Signs in with this credential instead of azure-identity's {@code DefaultAzureCredential};
   * ignored when a {@link #client(AzureMlClient)} is given.
   *
   * @param credential the credential
   * @return this builder
   */
  public AzureMlTransportBuilder credential(TokenCredential credential) {
    this.credential = Objects.requireNonNull(credential, "'credential' is null");
    return this;
  }

  /**
   * Sends through a client built by the caller instead of one built from {@code configFile}, {@code
   * endpoint} and the credential.
   *
   * @param client the workspace's client
   * @return this builder
   */
  public AzureMlTransportBuilder client(AzureMlClient client) {
    this.client = Objects.requireNonNull(client, "'client' is null");
    return this;
  }

  /**
   * Builds the transport, checking every setting as the map of {@code Sluice.transport} is checked.
   *
   * @return the transport
   * @throws io.sluice.core.ConfigurationException if a setting is refused; the message names it,
   *     its value and the fix
   */
  public AzureMlTransport build() {
    AzureMlTransportSettings settings = settings();
    AzureMlClient workspace = client != null ? client : newClient(settings);
    return new AzureMlTransport(
        workspace,
        settings.baseDirectory(),
        settings.defaultCompute().orElse(null),
        settings.pollInterval());
  }

  /** The settings, read from the keys a configuration file would give. */
  AzureMlTransportSettings settings() {
    return AzureMlTransportSettings.from(keys);
  }

  private AzureMlClient newClient(AzureMlTransportSettings settings) {
    AzureMlClientBuilder builder = AzureMlTransportProvider.builder(keys, settings.baseDirectory());
    if (credential != null) {
      builder.credential(credential);
    } else {
      builder.defaultAzureCredential();
    }
    return builder.pollInterval(settings.pollInterval()).buildClient();
  }

  private AzureMlTransportBuilder put(String key, Object value) {
    keys.put(key, Objects.requireNonNull(value, () -> "'" + key + "' is null").toString());
    return this;
  }
}
