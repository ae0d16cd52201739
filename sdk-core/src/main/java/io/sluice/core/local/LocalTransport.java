package io.sluice.core.local;

import io.sluice.core.ConfigurationException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.orchestrator.Orchestrator;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.PythonEnvironments;
import io.sluice.core.spi.Transport;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The embedded default: runs every step on this machine, Python scripts in cached virtualenvs and
 * Databricks steps on local Spark (with {@code io.sluice:sluice-databricks}), datastores read and
 * written as a cloud compute would.
 *
 * <p>Under the name {@code orchestrated} the same orchestrator runs on this machine but hands each
 * step to the executor of its compute target: a {@code DatabricksStep} on a Databricks compute to a
 * Databricks {@code runs/submit} (with {@code io.sluice:sluice-databricks}), a {@code
 * PythonScriptStep} on an Azure ML compute to a command job (with {@code
 * io.sluice:sluice-azureml}), steps on {@code ComputeTarget.Local} to this machine. Remote run ids
 * are journaled, so a runner killed mid-run and started again on the same run id re-attaches
 * instead of submitting again.
 *
 * <p>Settings of both (all optional):
 *
 * <ul>
 *   <li>{@code runsDirectory}: run folders, the reuse index and the default MLflow store ({@code
 *       sluice-runs} in the working directory);
 *   <li>{@code baseDirectory}: the folder relative source paths are in (the working directory);
 *   <li>{@code parallelism}: the most steps at once (the number of cores);
 *   <li>{@code cacheDirectory}: virtualenvs ({@code sluice.cache.dir}, {@code SLUICE_CACHE_DIR},
 *       else {@code ~/.cache/sluice});
 *   <li>{@code mlflowTrackingUri}: where steps log ({@code MLFLOW_TRACKING_URI}, else a sqlite
 *       store in the runs folder).
 * </ul>
 *
 * <p>Besides these, {@code <namespace>.<key>} keys configure a step executor: each executor reads
 * only the keys of its own namespace ({@link io.sluice.core.spi.StepExecutor#settingsNamespace()},
 * {@link io.sluice.core.spi.StepContext#settings()}). With {@code io.sluice:sluice-databricks} the
 * {@code orchestrated} transport reads {@code databricks.host}, {@code databricks.profile}, {@code
 * databricks.workspaceRoot}, {@code databricks.secretScope}, {@code databricks.scriptSparkVersion},
 * {@code databricks.scriptNodeType}, {@code databricks.maxRetries}, {@code databricks.retryDelay},
 * {@code databricks.pollInterval} and {@code databricks.maxPollInterval}, as the {@code databricks}
 * transport reads the same keys without the prefix; with {@code io.sluice:sluice-azureml} it reads
 * the {@code azureml.} keys its {@code orchestrated-python} executor documents. An unknown key, or
 * a namespace no executor on the class path reads, fails with a {@link ConfigurationException}
 * naming the key, its value and the known keys when the transport is made.
 *
 * <p>In code, {@link #builder()} and {@link #orchestratedBuilder()} set the same keys typed; they
 * are read and checked by the same reader as the map of {@code Sluice.transport(name, Map)}.
 */
public final class LocalTransport implements Transport {
  private static final Set<String> KEYS =
      new TreeSet<>(
          Set.of(
              "runsDirectory",
              "baseDirectory",
              "parallelism",
              "cacheDirectory",
              "mlflowTrackingUri"));
  private final Orchestrator orchestrator;
  private final Orchestrator.Settings settings;

  private final String name;

  LocalTransport(String name, Map<String, String> configuration) {
    this.name = name;
    this.settings = settings(name, configuration);
    this.orchestrator = new Orchestrator(settings);
  }

  /**
   * A builder of the {@code local} transport, with typed settings instead of the keys of {@code
   * Sluice.transport("local", Map)}; both are read and checked the same way.
   *
   * @return a builder with every setting at its default
   */
  public static LocalTransportBuilder builder() {
    return new LocalTransportBuilder(LocalTransportProvider.NAME);
  }

  /**
   * A builder of the {@code orchestrated} transport, with typed settings instead of the keys of
   * {@code Sluice.transport("orchestrated", Map)}; both are read and checked the same way. Step
   * executors' settings are set with {@link LocalTransportBuilder#executorSetting}.
   *
   * @return a builder with every setting at its default
   */
  public static LocalTransportBuilder orchestratedBuilder() {
    return new LocalTransportBuilder(OrchestratedTransportProvider.NAME);
  }

  /**
   * The orchestrator settings both the {@code local} and the {@code orchestrated} transport read
   * from their keys (documented on this class).
   */
  static Orchestrator.Settings settings(String transport, Map<String, String> configuration) {
    Map<String, String> executorSettings = new TreeMap<>();
    configuration.forEach(
        (key, value) -> {
          if (key.contains(".")) {
            executorSettings.put(key, value);
          } else if (!KEYS.contains(key)) {
            throw ConfigurationException.unknownKey(
                transport + " transport",
                key,
                value,
                String.join(", ", KEYS) + ", and <namespace>.<key> for step executors");
          }
        });
    Path base = Path.of(configuration.getOrDefault("baseDirectory", "")).toAbsolutePath();
    Path runs = base.resolve(configuration.getOrDefault("runsDirectory", "sluice-runs"));
    String parallelismText =
        configuration.getOrDefault(
            "parallelism", String.valueOf(Runtime.getRuntime().availableProcessors()));
    int parallelism;
    try {
      parallelism = Integer.parseInt(parallelismText.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          transport
              + " transport: parallelism is '"
              + parallelismText
              + "'; use a whole number of 1 or more",
          e);
    }
    Path cache = Path.of(configuration.getOrDefault("cacheDirectory", defaultCache()));
    Optional<String> tracking =
        Optional.ofNullable(configuration.get("mlflowTrackingUri"))
            .or(() -> Optional.ofNullable(System.getenv("MLFLOW_TRACKING_URI")));
    return Orchestrator.Settings.builder()
        .transport(transport)
        .runsDirectory(runs)
        .baseDirectory(base)
        .parallelism(parallelism)
        .pythonEnvironments(new LocalPythonEnvironments(cache, base))
        .mlflowTrackingUri(tracking.orElse(null))
        .executorSettings(executorSettings)
        .build();
  }

  private static String defaultCache() {
    String property = System.getProperty("sluice.cache.dir");
    if (property != null && !property.isBlank()) {
      return property;
    }
    String env = System.getenv("SLUICE_CACHE_DIR");
    if (env != null && !env.isBlank()) {
      return env;
    }
    return Path.of(System.getProperty("user.home"), ".cache", "sluice").toString();
  }

  @Override
  public String name() {
    return name;
  }

  /** Returns the folder that holds this transport's runs. */
  public Path runsDirectory() {
    return settings.runsDirectory();
  }

  /**
   * The virtualenv maker this transport's steps use, e.g. to run code in a step's environment.
   *
   * @return the virtualenvs
   */
  public PythonEnvironments pythonEnvironments() {
    return settings.pythonEnvironments();
  }

  @Override
  public PipelineRun submit(PipelineDefinition definition, RunOptions options) {
    // Round-trip through JSON: the local runner runs exactly what a remote transport would read.
    return orchestrator.submit(PipelineDefinition.fromJson(definition.toJson()), options);
  }
}
