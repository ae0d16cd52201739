package io.sluice.azureml.transport;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.AzureMlResourceNotFoundException;
import io.sluice.azureml.models.PipelineJob;
import io.sluice.core.SluiceException;
import io.sluice.core.definition.DataDefinition;
import io.sluice.core.definition.ParameterDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.model.Environment;
import io.sluice.core.orchestrator.RunIds;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.Transport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs a pipeline definition as one Azure ML v2 pipeline job. Before submitting, the blob and ADLS
 * datastores the workspace lacks are registered (with secret values from the run's options), each
 * script step's source directory is uploaded as a content-hashed code asset (unchanged code is not sent
 * again) and its environment is registered. The run id is the job's name, so submitting the same
 * run id twice never creates two jobs. A pipeline with a {@code DatabricksStep} is refused; the
 * {@code orchestrated} transport runs those.
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
  public AzureMlTransport(AzureMlClient client, Path baseDirectory, String defaultCompute,
      Duration pollInterval) {
    this.client = Objects.requireNonNull(client, "'client' is null");
    this.baseDirectory = Objects.requireNonNull(baseDirectory, "'baseDirectory' is null");
    this.defaultCompute = defaultCompute;
    this.pollInterval = Objects.requireNonNull(pollInterval, "'pollInterval' is null");
  }

  @Override
  public String name() {
    return AzureMlTransportProvider.NAME;
  }

  @Override
  public PipelineRun submit(PipelineDefinition definition, RunOptions options) {
    PipelineJobCompiler compiler = new PipelineJobCompiler(definition,
        client.getWorkspace().resourceId(), defaultCompute);
    compiler.checkSupported();
    Map<String, String> parameters = parameters(definition, options.parameters());
    String runId = options.runId().orElseGet(() -> RunIds.newRunId(definition.name()));
    if (options.runId().isPresent() && exists(runId)) {
      if (options.duplicateRunPolicy() == DuplicateRunPolicy.RESUME) {
        return run(definition, runId, options);
      }
      throw new SluiceException("Azure ML already has a job named '" + runId + "'; choose"
          + " another run id, or resume it with DuplicateRunPolicy.RESUME");
    }
    DatastoreRegistration.of(client, options.secrets()).registerMissing(definition);
    Map<String, CompiledStep> assets = new LinkedHashMap<>();
    for (StepDefinition step : definition.steps()) {
      assets.put(step.name(), StepAssets.compile(client, baseDirectory, definition, step));
    }
    PipelineJob job = compiler.compile(runId, parameters, assets,
        options.experimentName().orElse(definition.name()));
    client.createOrUpdateJob(runId, job);
    return run(definition, runId, options);
  }

  private AzureMlPipelineRun run(PipelineDefinition definition, String runId, RunOptions options) {
    Map<String, URI> outputs = new LinkedHashMap<>();
    for (DataDefinition data : definition.data()) {
      String datastore = data.datastore() != null ? data.datastore()
          : definition.defaultDatastore() != null ? definition.defaultDatastore()
          : PipelineJobCompiler.DEFAULT_DATASTORE;
      outputs.put(data.name(), URI.create("azureml://datastores/" + datastore + "/paths/sluice/runs/"
          + runId + "/" + data.producer() + "/" + data.name() + "/"));
    }
    return new AzureMlPipelineRun(client, definition, runId, outputs, pollInterval,
        options.listeners());
  }

  private boolean exists(String runId) {
    try {
      client.getJob(runId);
      return true;
    } catch (AzureMlResourceNotFoundException e) {
      return false;
    }
  }

  /** Parameter values as text: the defaults, replaced by the values given at submission. */
  static Map<String, String> parameters(PipelineDefinition definition, Map<String, Object> given) {
    Map<String, String> values = new TreeMap<>();
    for (ParameterDefinition parameter : definition.parameters()) {
      Object value = given.get(parameter.name());
      values.put(parameter.name(), value != null ? value.toString()
          : parameter.defaultValue().isObject()
              ? parameter.defaultValue().path("datastore").asText() + ":"
                  + parameter.defaultValue().path("path").asText()
              : parameter.defaultValue().asText());
    }
    for (String name : given.keySet()) {
      if (!values.containsKey(name)) {
        throw new SluiceException("Pipeline parameter '" + name + "' does not exist in pipeline '"
            + definition.name() + "'; known parameters: "
            + (values.isEmpty() ? "none" : String.join(", ", values.keySet())));
      }
    }
    return values;
  }
}
