package io.sluice.core.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds a {@code local} or {@code orchestrated} transport with typed settings: {@link
 * LocalTransport#builder()} and {@link LocalTransport#orchestratedBuilder()}. Each setting is
 * written as the key a configuration file would hold and read by the same reader as {@code
 * Sluice.transport(name, Map)}, so both give equal settings and refuse a bad value with the same
 * {@link io.sluice.core.ConfigurationException}. Settings not given keep the defaults documented on
 * {@link LocalTransport}.
 */
public final class LocalTransportBuilder {
  private final String name;
  private final Map<String, String> keys = new TreeMap<>();

  LocalTransportBuilder(String name) {
    this.name = name;
  }

  /**
   * Sets where run folders, the reuse index and the default MLflow store live ({@code
   * runsDirectory}); a relative folder is resolved against the base directory.
   *
   * @param runsDirectory the folder
   * @return this builder
   */
  public LocalTransportBuilder runsDirectory(Path runsDirectory) {
    return put("runsDirectory", runsDirectory);
  }

  /**
   * Sets the folder relative source paths are in ({@code baseDirectory}).
   *
   * @param baseDirectory the folder
   * @return this builder
   */
  public LocalTransportBuilder baseDirectory(Path baseDirectory) {
    return put("baseDirectory", baseDirectory);
  }

  /**
   * Sets the most steps running at once ({@code parallelism}); 1 or more.
   *
   * @param parallelism the number of steps
   * @return this builder
   */
  public LocalTransportBuilder parallelism(int parallelism) {
    return put("parallelism", parallelism);
  }

  /**
   * Sets the folder of cached virtualenvs ({@code cacheDirectory}).
   *
   * @param cacheDirectory the folder
   * @return this builder
   */
  public LocalTransportBuilder cacheDirectory(Path cacheDirectory) {
    return put("cacheDirectory", cacheDirectory);
  }

  /**
   * Sets where steps log to MLflow ({@code mlflowTrackingUri}), e.g. {@code http://localhost:5000}
   * or {@code databricks}.
   *
   * @param mlflowTrackingUri the tracking URI
   * @return this builder
   */
  public LocalTransportBuilder mlflowTrackingUri(String mlflowTrackingUri) {
    return put("mlflowTrackingUri", mlflowTrackingUri);
  }

  /**
   * Sets one setting of a step executor, the key {@code <namespace>.<key>} of the map, e.g. {@code
   * executorSetting("databricks", "pollInterval", "PT5S")}. The executor of that namespace checks
   * it when the transport is built.
   *
   * @param namespace the executor's namespace, e.g. {@code databricks} or {@code azureml}
   * @param key the executor's key, without the namespace
   * @param value its value, as a configuration file would hold it
   * @return this builder
   */
  public LocalTransportBuilder executorSetting(String namespace, String key, String value) {
    Objects.requireNonNull(namespace, "'namespace' is null");
    Objects.requireNonNull(key, "'key' is null");
    return put(namespace + "." + key, value);
  }

  /**
   * Builds the transport, checking every setting as the map of {@code Sluice.transport} is checked.
   *
   * @return the transport
   * @throws io.sluice.core.ConfigurationException if a setting is refused; the message names it,
   *     its value and the fix
   */
  public LocalTransport build() {
    return new LocalTransport(name, configuration());
  }

  /** The settings as configuration keys, as a configuration file would give them. */
  Map<String, String> configuration() {
    return Map.copyOf(keys);
  }

  private LocalTransportBuilder put(String key, Object value) {
    keys.put(key, Objects.requireNonNull(value, () -> "'" + key + "' is null").toString());
    return this;
  }
}
