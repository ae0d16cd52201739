package io.sluice.databricks.transport;

import io.sluice.core.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Databricks transport's configuration, read from the provider's key/value map. */
record TransportSettings(
    Optional<String> host,
    Optional<String> profile,
    Optional<String> dataRoot,
    String workspaceRoot,
    String secretScope,
    Path baseDirectory,
    String scriptSparkVersion,
    String scriptNodeType,
    Optional<Integer> maxRetries,
    Optional<Duration> retryDelay,
    Duration pollInterval,
    Duration maxPollInterval,
    boolean submitAsJob) {

  static final Set<String> KEYS = Set.of("host", "profile", "dataRoot", "workspaceRoot", "secretScope", "baseDirectory",
      "scriptSparkVersion", "scriptNodeType", "maxRetries", "retryDelay", "pollInterval", "maxPollInterval", "submitAs");

  static TransportSettings from(Map<String, String> config) {
    for (String key : config.keySet()) {
      if (!KEYS.contains(key)) {
        throw new ConfigurationException("Databricks transport: unknown configuration key '" + key
            + "'; known keys: " + String.join(", ", new java.util.TreeSet<>(KEYS)));
      }
    }
    Optional<String> dataRoot = Optional.ofNullable(config.get("dataRoot")).map(TransportSettings::checkRoot);
    String workspaceRoot = config.getOrDefault("workspaceRoot", "/Shared/sluice");
    if (!workspaceRoot.startsWith("/")) {
      throw new ConfigurationException("Databricks transport: workspaceRoot is '" + workspaceRoot
          + "'; use an absolute workspace folder such as /Shared/sluice or /Users/me@example.com/sluice");
    }
    return new TransportSettings(
        Optional.ofNullable(config.get("host")),
        Optional.ofNullable(config.get("profile")),
        dataRoot,
        strip(workspaceRoot),
        config.getOrDefault("secretScope", "sluice"),
        Path.of(config.getOrDefault("baseDirectory", System.getProperty("user.dir"))),
        config.getOrDefault("scriptSparkVersion", "15.4.x-scala2.12"),
        config.getOrDefault("scriptNodeType", "Standard_DS3_v2"),
        Optional.ofNullable(config.get("maxRetries")).map(v -> integer("maxRetries", v)),
        Optional.ofNullable(config.get("retryDelay")).map(v -> duration("retryDelay", v)),
        Optional.ofNullable(config.get("pollInterval")).map(v -> duration("pollInterval", v)).orElse(Duration.ofSeconds(2)),
        Optional.ofNullable(config.get("maxPollInterval")).map(v -> duration("maxPollInterval", v)).orElse(Duration.ofSeconds(30)),
        submitAs(config.getOrDefault("submitAs", "run")));
  }

  private static boolean submitAs(String value) {
    return switch (value) {
      case "run" -> false;
      case "job" -> true;
      default -> throw new ConfigurationException("Databricks transport: submitAs is '" + value
          + "'; use run (one-time runs/submit) or job (a saved job whose tasks share equal clusters)");
    };
  }

  private static String checkRoot(String root) {
    if (root.startsWith("dbfs:/") || root.startsWith("/Volumes/") || root.startsWith("abfss://")
        || root.startsWith("wasbs://")) {
      return strip(root);
    }
    throw new ConfigurationException("Databricks transport: dataRoot is '" + root
        + "'; use dbfs:/..., /Volumes/<catalog>/<schema>/<volume>/..., abfss://... or wasbs://...");
  }

  private static String strip(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException("Databricks transport: " + key + " is '" + value + "'; use a whole number", e);
    }
  }

  private static Duration duration(String key, String value) {
    try {
      return value.strip().startsWith("P") ? Duration.parse(value.strip()) : Duration.ofMillis(Long.parseLong(value.strip()));
    } catch (RuntimeException e) {
      throw new ConfigurationException("Databricks transport: " + key + " is '" + value
          + "'; use milliseconds (500) or an ISO-8601 duration (PT2S)", e);
    }
  }
}
