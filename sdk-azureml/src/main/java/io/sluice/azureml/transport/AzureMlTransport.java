package io.sluice.azureml.transport;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.models.PipelineJob;
import io.sluice.core.definition.DataDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.orchestrator.RunIds;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunSecrets;
import io.sluice.core.run.RunState;
import io.sluice.core.semantics.DataPaths;
import io.sluice.core.semantics.DuplicateRuns;
import io.sluice.core.semantics.ReuseKeys;
import io.sluice.core.semantics.RunParameters;
import io.sluice.core.spi.Transport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a pipeline definition as one Azure ML v2 pipeline job. Before submitting, the blob and ADLS
 * datastores the workspace lacks are registered (with secret values from the run's options), each
 * script step's source directory is uploaded as a content-hashed code asset (unchanged code is not
 * sent again) and its environment is registered. The run id names the job, so submitting the same
 * run id twice never creates two jobs; a run that runs again after a failure does so as a new
 * attempt ({@link RunAttempts}): on {@code RESUME}, Azure ML reuses the nodes that completed
 * unchanged; on {@code ALLOW_IF_FAILED}, every node runs again ({@code force_rerun}). A pipeline
 * with a {@code DatabricksStep} is refused; the {@code orchestrated} transport runs those.
 */
public final class AzureMlTransport implements Transport {
  /** The environment of a step that names none: Azure ML's curated scikit-learn image. */
  public static final String DEFAULT_ENVIRONMENT =
      "azureml://registries/azureml/environments/sklearn-1.5/labels/latest";

  private final AzureMlClient client;
  private final Path baseDirectory;
  private final String defaultCompute;
  private final Duration pollInterval;

  /**
   * Creates the transport.
   *
   * @param client the workspace's client
   * @param baseDirectory where the definition's relative source directories are resolved
   * @param defaultCompute the compute for steps that name none, or null
   * @param pollInterval the wait between two status requests of a run
   */
  public AzureMlTransport(
      AzureMlClient client, Path baseDirectory, String defaultCompute, Duration pollInterval) {
    this.client = Objects.requireNonNull(client, "'client' is null");
    this.baseDirectory = Objects.requireNonNull(baseDirectory, "'baseDirectory' is null");
    this.defaultCompute = defaultCompute;
    this.pollInterval = Objects.requireNonNull(pollInterval, "'pollInterval' is null");
  }

  /**
   * A builder of the transport with typed settings instead of the keys of {@code
   * Sluice.transport("azureml", Map)}; both are read and checked the same way.
   *
   * @return a builder with every setting at its default
   */
  public static AzureMlTransportBuilder builder() {
    return new AzureMlTransportBuilder(Map.of());
  }

  @Override
  public String name() {
    return AzureMlTransportProvider.NAME;
  }

  @Override
  public PipelineRun submit(PipelineDefinition definition, RunOptions options) {
    // Everything a submission can be refused for is checked before the first request.
    Map<String, String> parameters =
        RunParameters.resolve(definition, options.parameters())
            .texts(PipelineJobCompiler::datastoreUri);
    PipelineJobCompiler compiler =
        new PipelineJobCompiler(definition, client.getWorkspace().resourceId(), defaultCompute);
    compiler.checkSupported(parameters);
    String runId = options.runId().orElseGet(() -> RunIds.newRunId(definition.name()));
    Optional<RunAttempts.Attempt> latest =
        options.runId().isPresent() ? RunAttempts.latest(client, runId) : Optional.empty();
    Optional<DuplicateRuns.EarlierRun> earlier =
        latest.map(a -> new DuplicateRuns.EarlierRun(a.ended(), Optional.empty()));
    int attempt = 1;
    boolean forceRerun = options.forceRerun();
    switch (DuplicateRuns.decide(
        runId,
        options.duplicateRunPolicy(),
        earlier,
        ReuseKeys.definitionFingerprint(definition))) {
      case RESUME -> {
        RunAttempts.Attempt last = latest.orElseThrow();
        if (last.ended().filter(s -> s != RunState.COMPLETED).isEmpty()) {
          return run(definition, runId, last.jobName(), options);
        }
        // A new attempt, in which Azure ML reuses each node that completed unchanged.
        attempt = last.number() + 1;
      }
      case RESTART -> {
        attempt = latest.orElseThrow().number() + 1;
        forceRerun = true;
      }
      case START -> {}
    }
    String jobName = RunAttempts.jobName(runId, attempt);
    new DatastoreRegistration(client, RunSecrets.of(options)::value).registerMissing(definition);
    Map<String, CompiledStep> assets = new LinkedHashMap<>();
    for (StepDefinition step : definition.steps()) {
      assets.put(step.name(), StepAssets.compile(client, baseDirectory, definition, step));
    }
    PipelineJob job =
        compiler.compile(
            runId,
            jobName,
            parameters,
            assets,
            options.experimentName().orElse(definition.name()),
            forceRerun);
    client.createOrUpdateJob(jobName, job);
    return run(definition, runId, jobName, options);
  }

  private AzureMlPipelineRun run(
      PipelineDefinition definition, String runId, String jobName, RunOptions options) {
    Map<String, URI> outputs = new LinkedHashMap<>();
    for (DataDefinition data : definition.data()) {
      String datastore =
          data.datastore() != null
              ? data.datastore()
              : definition.defaultDatastore() != null
                  ? definition.defaultDatastore()
                  : PipelineJobCompiler.DEFAULT_DATASTORE;
      outputs.put(
          data.name(),
          URI.create(
              PipelineJobCompiler.datastoreUri(datastore, DataPaths.output(runId, data)) + "/"));
    }
    return new AzureMlPipelineRun(
        client, definition, runId, jobName, outputs, pollInterval, options.listeners());
  }
}
