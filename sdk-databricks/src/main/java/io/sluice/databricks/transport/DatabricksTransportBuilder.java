package io.sluice.databricks.transport;

import io.sluice.databricks.DatabricksClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds a {@code databricks} transport with typed settings: {@link DatabricksTransport#builder()}.
 * Each setting is written as the key a configuration file would hold and read by the same reader as
 * {@link DatabricksTransport#create(Map)}, so both give equal settings and refuse a bad value with
 * the same {@link io.sluice.core.ConfigurationException}. Settings not given keep the defaults
 * documented on {@link DatabricksTransport}.
 */
public final class DatabricksTransportBuilder {
  private final Map<String, String> keys = new TreeMap<>();
  private DatabricksClient client;

  DatabricksTransportBuilder() {}

  /**
   * Sets the workspace URL ({@code host}); ignored when a {@link #client(DatabricksClient)} is
   * given.
   *
   * @param host e.g. {@code https://adb-123.4.azuredatabricks.net}
   * @return this builder
   */
  public DatabricksTransportBuilder host(String host) {
    return put("host", host);
  }

  /**
   * Sets the {@code .databrickscfg} profile to read ({@code profile}); ignored when a {@link
   * #client(DatabricksClient)} is given.
   *
   * @param profile the profile's name
   * @return this builder
   */
  public DatabricksTransportBuilder profile(String profile) {
    return put("profile", profile);
  }

  /**
   * Sets where intermediate data goes ({@code dataRoot}).
   *
   * @param dataRoot {@code dbfs:/...}, {@code /Volumes/...}, {@code abfss://...} or {@code
   *     wasbs://...}
   * @return this builder
   */
  public DatabricksTransportBuilder dataRoot(String dataRoot) {
    return put("dataRoot", dataRoot);
  }

  /**
   * Sets the workspace folder sources are uploaded to ({@code workspaceRoot}).
   *
   * @param workspaceRoot an absolute workspace folder, e.g. {@code /Shared/sluice}
   * @return this builder
   */
  public DatabricksTransportBuilder workspaceRoot(String workspaceRoot) {
    return put("workspaceRoot", workspaceRoot);
  }

  /**
   * Sets the secret scope datastore credentials are put in ({@code secretScope}).
   *
   * @param secretScope the scope's name
   * @return this builder
   */
  public DatabricksTransportBuilder secretScope(String secretScope) {
    return put("secretScope", secretScope);
  }

  /**
   * Sets the folder relative source directories are in ({@code baseDirectory}).
   *
   * @param baseDirectory the folder
   * @return this builder
   */
  public DatabricksTransportBuilder baseDirectory(Path baseDirectory) {
    return put("baseDirectory", baseDirectory);
  }

  /**
   * Sets the Spark version of the single-node cluster a {@code PythonScriptStep} runs on ({@code
   * scriptSparkVersion}).
   *
   * @param scriptSparkVersion e.g. {@code 15.4.x-scala2.12}
   * @return this builder
   */
  public DatabricksTransportBuilder scriptSparkVersion(String scriptSparkVersion) {
    return put("scriptSparkVersion", scriptSparkVersion);
  }

  /**
   * Sets the node type of the single-node cluster a {@code PythonScriptStep} runs on ({@code
   * scriptNodeType}).
   *
   * @param scriptNodeType e.g. {@code Standard_DS3_v2}
   * @return this builder
   */
  public DatabricksTransportBuilder scriptNodeType(String scriptNodeType) {
    return put("scriptNodeType", scriptNodeType);
  }

  /**
   * Sets how often a failed HTTP request is retried ({@code maxRetries}).
   *
   * @param maxRetries the number of retries
   * @return this builder
   */
  public DatabricksTransportBuilder maxRetries(int maxRetries) {
    return put("maxRetries", maxRetries);
  }

  /**
   * Sets the first backoff of an HTTP retry ({@code retryDelay}).
   *
   * @param retryDelay the backoff
   * @return this builder
   */
  public DatabricksTransportBuilder retryDelay(Duration retryDelay) {
    return put("retryDelay", retryDelay);
  }

  /**
   * Sets the first wait between two status requests of a run ({@code pollInterval}).
   *
   * @param pollInterval the wait
   * @return this builder
   */
  public DatabricksTransportBuilder pollInterval(Duration pollInterval) {
    return put("pollInterval", pollInterval);
  }

  /**
   * Sets the longest wait between two status requests of a run ({@code maxPollInterval}).
   *
   * @param maxPollInterval the wait
   * @return this builder
   */
  public DatabricksTransportBuilder maxPollInterval(Duration maxPollInterval) {
    return put("maxPollInterval", maxPollInterval);
  }

  /**
   * Sets the shortest {@code pollInterval} accepted and the shortest wait between two status
   * requests of a run ({@code pollIntervalFloor}); 2 s unless set. Lower it only for a stand-in of
   * the workspace on this machine, such as a test's fake.
   *
   * @param pollIntervalFloor a positive duration
   * @return this builder
   */
  public DatabricksTransportBuilder pollIntervalFloor(Duration pollIntervalFloor) {
    return put("pollIntervalFloor", pollIntervalFloor);
  }

  /**
   * Sets how the pipeline is submitted ({@code submitAs}).
   *
   * @param submitAs a one-time run or a saved job
   * @return this builder
   */
  public DatabricksTransportBuilder submitAs(SubmitAs submitAs) {
    return put("submitAs", Objects.requireNonNull(submitAs, "'submitAs' is null").key());
  }

  /**
   * Sends through a client built by the caller instead of one built from {@code host}, {@code
   * profile} and the environment.
   *
   * @param client the client
   * @return this builder
   */
  public DatabricksTransportBuilder client(DatabricksClient client) {
    this.client = Objects.requireNonNull(client, "'client' is null");
    return this;
  }

  /**
   * Builds the transport, checking every setting as the map of {@link
   * DatabricksTransport#create(Map)} is checked.
   *
   * @return the transport
   * @throws io.sluice.core.ConfigurationException if a setting is refused; the message names it,
   *     its value and the fix
   */
  public DatabricksTransport build() {
    return new DatabricksTransport(settings(), client);
  }

  /** The settings, read from the keys a configuration file would give. */
  TransportSettings settings() {
    return TransportSettings.from(keys);
  }

  private DatabricksTransportBuilder put(String key, Object value) {
    // Duration and Path print as the reader parses them (ISO-8601, the path itself).
    keys.put(key, Objects.requireNonNull(value, () -> "'" + key + "' is null").toString());
    return this;
  }
}
