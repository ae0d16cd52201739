package io.sluice.databricks.transport;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepLocation;
import io.sluice.databricks.DatabricksClient;
import io.sluice.databricks.models.SubmitRunRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One step of an orchestrated run as a Databricks one-time run, compiled exactly as the {@code
 * databricks} transport compiles a task: notebooks get a widget per input, output and notebook
 * parameter; scripts get {@code -<name> <location>} pairs. Locations are the ones the orchestrator
 * chose ({@link StepLocation#uri()}, on a shared Blob or ADLS datastore); sources go to the
 * workspace ({@code /Shared/sluice}) when changed; datastore credentials go to secret scope {@code
 * sluice} and reach the cluster as {@code {{secrets/...}}} Spark configuration, never as
 * parameters. For step executors.
 */
public final class StepSubmissions {
  private StepSubmissions() {}

  /**
   * Uploads the step's sources and credentials and compiles its submission.
   *
   * @param context the step, its locations, parameters and secrets
   * @param client the workspace's client
   * @return the one-task run, carrying {@link StepContext#idempotencyKey()} as its idempotency token
   */
  public static SubmitRunRequest prepare(StepContext context, DatabricksClient client) {
    PipelineDefinition definition = context.definition();
    TransportSettings settings = TransportSettings.from(Map.of("baseDirectory", context.baseDirectory().toString()));
    DataLocations locations = new DataLocations(definition, context.runId(), Optional.empty(),
        uris(context.inputs()), uris(context.outputs()));
    StorageCredentials credentials = new StorageCredentials(definition, settings.secretScope());
    SourceUploader uploader = new SourceUploader(client.getWorkspaceClient(), settings.workspaceRoot(),
        settings.baseDirectory());
    RunPlan plan = new RunPlan(definition, context.runId(), context.parameterValues(), locations,
        credentials.sparkConf(), settings, uploader::upload);
    credentials.store(client.getSecretsClient(), context::secret);
    return plan.stepRequest(context.step().name(), context.idempotencyKey());
  }

  private static Map<String, String> uris(Map<String, StepLocation> locations) {
    Map<String, String> uris = new LinkedHashMap<>();
    locations.forEach((name, location) -> uris.put(name, location.uri()));
    return uris;
  }
}
