package io.sluice.core.orchestrator;

import io.sluice.core.ConfigurationException;
import io.sluice.core.SluiceException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.implementation.Providers;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.DatastoreIo;
import io.sluice.core.spi.PythonEnvironments;
import io.sluice.core.spi.StepExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Schedules a pipeline's steps on this machine and hands each to the {@link StepExecutor} of its
 * compute target: bounded parallelism, a write-ahead journal (a run killed and started again with
 * the same id finishes without rerunning completed steps), reuse of earlier results by fingerprint
 * and input data, cancellation, per-step logs and events. Shared by the {@code local} and {@code
 * orchestrated} transports. For transport implementors.
 */
public final class Orchestrator {

  /**
   * How an orchestrator runs. Build it with {@link #builder()}:
   *
   * <pre>{@code
   * Orchestrator.Settings settings = Orchestrator.Settings.builder()
   *     .transport("local")
   *     .runsDirectory(Path.of("runs"))
   *     .baseDirectory(Path.of("src/main/pipeline"))
   *     .parallelism(4)
   *     .pythonEnvironments(environments)
   *     .build();
   * }</pre>
   *
   * @param transport the name executors are chosen for, e.g. {@code local}
   * @param runsDirectory where run folders, the reuse index and the default MLflow store live
   * @param baseDirectory the folder relative source paths are in
   * @param parallelism the most steps running at once
   * @param pythonEnvironments the virtualenv maker
   * @param mlflowTrackingUri the MLflow tracking URI; a sqlite store in the runs folder if absent
   * @param executorSettings the executors' keys, {@code <namespace>.<key>} (see {@link
   *     StepExecutor#settingsNamespace()}); each executor gets its own through {@link
   *     io.sluice.core.spi.StepContext#settings()}
   */
  public record Settings(
      String transport,
      Path runsDirectory,
      Path baseDirectory,
      int parallelism,
      PythonEnvironments pythonEnvironments,
      Optional<String> mlflowTrackingUri,
      Map<String, String> executorSettings) {
    /** Checks the settings. */
    public Settings {
      if (transport == null || transport.isBlank()) {
        throw new SluiceException("transport is not set; name the transport, e.g. local");
      }
      if (runsDirectory == null || baseDirectory == null) {
        throw new SluiceException(
            (runsDirectory == null ? "runsDirectory" : "baseDirectory")
                + " is not set; set the folder for runs and the folder of the sources");
      }
      if (parallelism < 1) {
        throw new SluiceException("parallelism is " + parallelism + "; use 1 or more");
      }
      runsDirectory = runsDirectory.toAbsolutePath().normalize();
      baseDirectory = baseDirectory.toAbsolutePath().normalize();
      mlflowTrackingUri = mlflowTrackingUri == null ? Optional.empty() : mlflowTrackingUri;
      executorSettings =
          Collections.unmodifiableMap(
              new TreeMap<>(executorSettings == null ? Map.of() : executorSettings));
    }

    /**
     * Starts settings with nothing set but one step at a time and no executor settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * @return the settings without the values of executor settings, which may be sensitive
     */
    @Override
    public String toString() {
      return "Settings[transport="
          + transport
          + ", runsDirectory="
          + runsDirectory
          + ", baseDirectory="
          + baseDirectory
          + ", parallelism="
          + parallelism
          + ", mlflowTrackingUri="
          + mlflowTrackingUri.isPresent()
          + ", executorSettings="
          + executorSettings.keySet()
          + "]";
    }

    /**
     * The settings of one executor namespace, without its prefix.
     *
     * @param namespace e.g. {@code databricks}
     * @return {@code workspaceRoot -> /Shared/x} for {@code databricks.workspaceRoot}
     */
    public Map<String, String> executorSettings(String namespace) {
      Map<String, String> own = new TreeMap<>();
      String prefix = namespace + ".";
      executorSettings.forEach(
          (key, value) -> {
            if (key.startsWith(prefix)) {
              own.put(key.substring(prefix.length()), value);
            }
          });
      return Collections.unmodifiableMap(own);
    }

    /** Builds {@link Settings}; the transport and both folders are required. */
    public static final class Builder {
      private String transport;
      private Path runsDirectory;
      private Path baseDirectory;
      private int parallelism = 1;
      private PythonEnvironments pythonEnvironments;
      private String mlflowTrackingUri;
      private Map<String, String> executorSettings = Map.of();

      private Builder() {}

      /**
       * Names the transport executors are chosen for.
       *
       * @param transport e.g. {@code local} or {@code orchestrated}
       * @return this builder
       */
      public Builder transport(String transport) {
        this.transport = transport;
        return this;
      }

      /**
       * Sets where run folders, the reuse index and the default MLflow store live.
       *
       * @param runsDirectory the folder
       * @return this builder
       */
      public Builder runsDirectory(Path runsDirectory) {
        this.runsDirectory = runsDirectory;
        return this;
      }

      /**
       * Sets the folder relative source paths are in.
       *
       * @param baseDirectory the folder
       * @return this builder
       */
      public Builder baseDirectory(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
        return this;
      }

      /**
       * Sets the most steps running at once.
       *
       * @param parallelism 1 or more; 1 by default
       * @return this builder
       */
      public Builder parallelism(int parallelism) {
        this.parallelism = parallelism;
        return this;
      }

      /**
       * Sets what makes the virtualenvs of Python steps.
       *
       * @param pythonEnvironments the virtualenv maker
       * @return this builder
       */
      public Builder pythonEnvironments(PythonEnvironments pythonEnvironments) {
        this.pythonEnvironments = pythonEnvironments;
        return this;
      }

      /**
       * Sets the MLflow tracking URI steps log to.
       *
       * @param mlflowTrackingUri the URI; null for a sqlite store in the runs folder
       * @return this builder
       */
      public Builder mlflowTrackingUri(String mlflowTrackingUri) {
        this.mlflowTrackingUri = mlflowTrackingUri;
        return this;
      }

      /**
       * Sets the executors' keys.
       *
       * @param executorSettings {@code <namespace>.<key>} to value
       * @return this builder
       */
      public Builder executorSettings(Map<String, String> executorSettings) {
        this.executorSettings = executorSettings;
        return this;
      }

      /**
       * Builds the settings.
       *
       * @return new settings
       * @throws SluiceException when the transport or a folder is not set, or parallelism is below
       *     1
       */
      public Settings build() {
        return new Settings(
            transport,
            runsDirectory,
            baseDirectory,
            parallelism,
            pythonEnvironments,
            Optional.ofNullable(mlflowTrackingUri),
            executorSettings);
      }
    }
  }

  private final Settings settings;
  private final Clock clock;
  private final List<StepExecutor> executors;
  private final List<DatastoreIo> datastoreIos;

  /**
   * Creates an orchestrator that finds executors and datastore I/O on the class path and reads the
   * system's UTC clock.
   *
   * @param settings how it runs
   */
  public Orchestrator(Settings settings) {
    this(builder(settings));
  }

  private Orchestrator(Builder builder) {
    this.settings = builder.settings;
    this.clock = builder.clock;
    this.executors = builder.executors.orElseGet(() -> Providers.all(StepExecutor.class));
    this.datastoreIos = builder.datastoreIos.orElseGet(() -> Providers.all(DatastoreIo.class));
    checkExecutorSettings(settings, executors);
  }

  /**
   * A builder, for an orchestrator whose time, executors or datastore I/O are not the defaults: a
   * test transport that scripts step outcomes, or a test that asserts timestamps.
   *
   * @param settings how it runs
   * @return the builder
   */
  public static Builder builder(Settings settings) {
    return new Builder(settings);
  }

  /** Makes an {@link Orchestrator} with a clock, executors or datastore I/O of the caller's. */
  public static final class Builder {
    private final Settings settings;
    private Clock clock = Clock.systemUTC();
    private Optional<List<StepExecutor>> executors = Optional.empty();
    private Optional<List<DatastoreIo>> datastoreIos = Optional.empty();

    private Builder(Settings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Sets where time comes from: journal timestamps, step start and end times (in statuses and
     * events), step deadlines and the time in new run ids. {@link Clock#systemUTC()} by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the step executors, tried in order for each step, instead of those on the class path.
     *
     * @param executors the executors
     * @return this builder
     */
    public Builder stepExecutors(List<StepExecutor> executors) {
      this.executors = Optional.of(List.copyOf(executors));
      return this;
    }

    /**
     * Sets the datastore I/O, tried in order for each datastore, instead of those on the class
     * path.
     *
     * @param datastoreIos the datastore I/O
     * @return this builder
     */
    public Builder datastoreIos(List<DatastoreIo> datastoreIos) {
      this.datastoreIos = Optional.of(List.copyOf(datastoreIos));
      return this;
    }

    /**
     * Makes the orchestrator.
     *
     * @return the orchestrator
     * @throws ConfigurationException on an executor setting no executor reads or accepts
     */
    public Orchestrator build() {
      return new Orchestrator(this);
    }
  }

  /**
   * Fails on an executor setting whose namespace no executor on the class path reads, then lets
   * each executor check its own, so that a wrong key fails when the transport is made.
   */
  static void checkExecutorSettings(Settings settings, List<StepExecutor> executors) {
    Map<String, StepExecutor> byNamespace = new TreeMap<>();
    executors.forEach(e -> e.settingsNamespace().ifPresent(n -> byNamespace.putIfAbsent(n, e)));
    settings
        .executorSettings()
        .forEach(
            (key, value) -> {
              String namespace = key.substring(0, Math.max(0, key.indexOf('.')));
              if (!byNamespace.containsKey(namespace)) {
                throw new ConfigurationException(
                    settings.transport()
                        + " transport: unknown configuration key '"
                        + key
                        + "' (value '"
                        + value
                        + "'); its namespace '"
                        + namespace
                        + "' is read by no step executor on the class"
                        + " path; known namespaces: "
                        + (byNamespace.isEmpty()
                            ? "none"
                            : String.join(", ", byNamespace.keySet())));
              }
            });
    byNamespace.forEach(
        (namespace, executor) -> executor.checkSettings(settings.executorSettings(namespace)));
  }

  /**
   * Starts a run (or resumes one, as {@link RunOptions#duplicateRunPolicy()} allows). Every check
   * is made before anything is written; the run then goes on in threads of its own, and its events
   * reach the listeners from those threads, in the order things happened.
   *
   * @param definition the pipeline
   * @param options run options
   * @return the running run
   */
  public PipelineRun submit(PipelineDefinition definition, RunOptions options) {
    OrchestratedRun run =
        new OrchestratedRun(
            settings,
            clock,
            definition,
            options,
            new StepExecutors(executors, settings.transport()),
            datastoreIos);
    run.start();
    return run;
  }
}
