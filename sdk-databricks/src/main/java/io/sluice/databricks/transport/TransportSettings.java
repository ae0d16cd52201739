package io.sluice.databricks.transport;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import io.sluice.core.ConfigurationException;
import io.sluice.databricks.DatabricksClientBuilder;
import io.sluice.databricks.implementation.RunPolling;
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
    Duration pollIntervalFloor,
    boolean submitAsJob) {

  static final Set<String> KEYS =
      Set.of(
          "host",
          "profile",
          "dataRoot",
          "workspaceRoot",
          "secretScope",
          "baseDirectory",
          "scriptSparkVersion",
          "scriptNodeType",
          "maxRetries",
          "retryDelay",
          "pollInterval",
          "maxPollInterval",
          "pollIntervalFloor",
          "submitAs");

  /** The namespace of the Databricks keys in the {@code orchestrated} transport's configuration. */
  static final String NAMESPACE = "databricks";

  /**
   * Keys of the {@code databricks} transport that mean nothing for one orchestrated step, and why.
   */
  private static final Map<String, String> NOT_PER_STEP =
      Map.of(
          "dataRoot", "the orchestrator keeps intermediate data on the pipeline's datastore",
          "baseDirectory", "set baseDirectory of the orchestrated transport itself",
          "submitAs", "each step is a runs/submit of its own");

  static TransportSettings from(Map<String, String> config) {
    return new Reader("Databricks transport", "", KEYS)
        .read(config, System.getProperty("user.dir"));
  }

  /**
   * The settings of the {@code orchestrated} transport's Databricks steps: its {@code databricks.}
   * keys, without the prefix, read as the {@code databricks} transport reads them.
   *
   * @param config the keys under the {@code databricks} namespace, without the prefix
   * @param baseDirectory the orchestrated transport's base directory
   */
  static TransportSettings forSteps(Map<String, String> config, Path baseDirectory) {
    Set<String> known = new java.util.HashSet<>(KEYS);
    known.removeAll(NOT_PER_STEP.keySet());
    Reader reader = new Reader("orchestrated transport", NAMESPACE + ".", known);
    config.forEach(
        (key, value) -> {
          if (NOT_PER_STEP.containsKey(key)) {
            throw new ConfigurationException(
                reader.label
                    + ": "
                    + reader.prefix
                    + key
                    + " (value '"
                    + value
                    + "') cannot be set per step: "
                    + NOT_PER_STEP.get(key)
                    + "; known keys: "
                    + reader.knownKeys());
          }
        });
    return reader.read(config, baseDirectory.toString());
  }

  /** Reads keys, naming them in errors as the user wrote them. */
  private record Reader(String label, String prefix, Set<String> known) {
    String knownKeys() {
      return String.join(", ", known.stream().map(k -> prefix + k).sorted().toList());
    }

    private ConfigurationException error(String key, String value, String fix, Throwable cause) {
      return new ConfigurationException(
          label + ": " + prefix + key + " is '" + value + "'; " + fix, cause);
    }

    TransportSettings read(Map<String, String> config, String defaultBase) {
      config.forEach(
          (key, value) -> {
            if (!known.contains(key)) {
              throw ConfigurationException.unknownKey(label, prefix + key, value, knownKeys());
            }
          });
      Optional<String> dataRoot = Optional.ofNullable(config.get("dataRoot")).map(this::checkRoot);
      String workspaceRoot = config.getOrDefault("workspaceRoot", "/Shared/sluice");
      if (!workspaceRoot.startsWith("/")) {
        throw error(
            "workspaceRoot",
            workspaceRoot,
            "use an absolute workspace folder such as /Shared/sluice or /Users/me@example.com/sluice",
            null);
      }
      return new TransportSettings(
          Optional.ofNullable(config.get("host")),
          Optional.ofNullable(config.get("profile")),
          dataRoot,
          strip(workspaceRoot),
          config.getOrDefault("secretScope", "sluice"),
          Path.of(config.getOrDefault("baseDirectory", defaultBase)),
          config.getOrDefault("scriptSparkVersion", "15.4.x-scala2.12"),
          config.getOrDefault("scriptNodeType", "Standard_DS3_v2"),
          Optional.ofNullable(config.get("maxRetries")).map(v -> retries("maxRetries", v)),
          Optional.ofNullable(config.get("retryDelay")).map(v -> positive("retryDelay", v)),
          Optional.ofNullable(config.get("pollInterval"))
              .map(v -> duration("pollInterval", v))
              .orElse(RunPolling.DEFAULT_FLOOR),
          Optional.ofNullable(config.get("maxPollInterval"))
              .map(v -> duration("maxPollInterval", v))
              .orElse(Duration.ofSeconds(30)),
          Optional.ofNullable(config.get("pollIntervalFloor"))
              .map(this::floor)
              .orElse(RunPolling.DEFAULT_FLOOR),
          submitAs(config.getOrDefault("submitAs", "run")));
    }

    private Duration floor(String value) {
      Duration floor = duration("pollIntervalFloor", value);
      if (floor.isNegative() || floor.isZero()) {
        throw error(
            "pollIntervalFloor",
            value,
            "use a positive duration; keep the default "
                + RunPolling.DEFAULT_FLOOR
                + " unless the workspace is a stand-in on this machine",
            null);
      }
      return floor;
    }

    private boolean submitAs(String value) {
      return switch (value) {
        case "run" -> false;
        case "job" -> true;
        default ->
            throw error(
                "submitAs",
                value,
                "use run (one-time runs/submit) or job (a saved job whose tasks share equal clusters)",
                null);
      };
    }

    private String checkRoot(String root) {
      if (root.startsWith("dbfs:/")
          || root.startsWith("/Volumes/")
          || root.startsWith("abfss://")
          || root.startsWith("wasbs://")) {
        return strip(root);
      }
      throw error(
          "dataRoot",
          root,
          "use dbfs:/..., /Volumes/<catalog>/<schema>/<volume>/..., abfss://... or wasbs://...",
          null);
    }

    private int retries(String key, String value) {
      int retries;
      try {
        retries = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw error(key, value, "use a whole number", e);
      }
      if (retries < 0) {
        throw error(key, value, "use 0 to disable retries or a positive count", null);
      }
      return retries;
    }

    private Duration positive(String key, String value) {
      Duration duration = duration(key, value);
      if (duration.isNegative() || duration.isZero()) {
        throw error(key, value, "use a positive duration such as 500 or PT0.5S", null);
      }
      return duration;
    }

    private Duration duration(String key, String value) {
      try {
        return value.strip().startsWith("P")
            ? Duration.parse(value.strip())
            : Duration.ofMillis(Long.parseLong(value.strip()));
      } catch (RuntimeException e) {
        throw error(key, value, "use milliseconds (500) or an ISO-8601 duration (PT2S)", e);
      }
    }
  }

  /**
   * Points a client builder at the workspace and sets its retries and polling: the {@code host}
   * setting, else the compute's workspace URL, else what the builder finds in the environment.
   *
   * @param builder the builder; its token is the caller's
   * @param computeUrl the workspace URL of the step's or pipeline's {@code DatabricksCompute}
   * @return the builder
   */
  DatabricksClientBuilder configure(DatabricksClientBuilder builder, Optional<String> computeUrl) {
    profile().ifPresent(builder::profile);
    host().or(() -> computeUrl).ifPresent(builder::endpoint);
    if (maxRetries().isPresent() || retryDelay().isPresent()) {
      // A value left unset keeps the client's default.
      builder.retryOptions(
          new RetryOptions(
              new ExponentialBackoffOptions()
                  .setMaxRetries(maxRetries().orElse(null))
                  .setBaseDelay(retryDelay().orElse(null))));
    }
    return builder
        .pollIntervalFloor(pollIntervalFloor())
        .pollInterval(pollInterval(), maxPollInterval());
  }

  private static String strip(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
