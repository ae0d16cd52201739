package io.sluice.databricks.transport;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepLocation;
import io.sluice.databricks.DatabricksClient;
import io.sluice.databricks.DatabricksClientBuilder;
import io.sluice.databricks.models.SubmitRunRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One step of an orchestrated run as a Databricks one-time run, compiled exactly as the {@code
 * databricks} transport compiles a task: notebooks get a widget per input, output and notebook
 * parameter; scripts get {@code -<name> <location>} pairs. Locations are the ones the orchestrator
 * chose ({@link StepLocation#uri()}, on a shared Blob or ADLS datastore); sources go to the
 * workspace ({@code /Shared/sluice}, or {@code databricks.workspaceRoot}) when changed; datastore
 * credentials go to secret scope {@code sluice} (or {@code databricks.secretScope}) and reach the
 * cluster as {@code {{secrets/...}}} Spark configuration, never as parameters. For step executors.
 *
 * <p>The step's {@link StepContext#settings()} are the {@code orchestrated} transport's {@code
 * databricks.} keys, read as the {@code databricks} transport reads the same keys without the
 * prefix: {@code host}, {@code profile}, {@code workspaceRoot}, {@code secretScope}, {@code
 * scriptSparkVersion}, {@code scriptNodeType}, {@code maxRetries}, {@code retryDelay}, {@code
 * pollInterval}, {@code maxPollInterval}. {@code dataRoot}, {@code baseDirectory} and {@code
 * submitAs} mean nothing for one step and are rejected.
 */
public final class StepSubmissions {
  private StepSubmissions() {}

  /**
   * Uploads the step's sources and credentials and compiles its submission.
   *
   * @param context the step, its locations, parameters and secrets
   * @param client the workspace's client
   * @return the one-task run, carrying {@link StepContext#idempotencyKey()} as its idempotency
   *     token
   */
  public static SubmitRunRequest prepare(StepContext context, DatabricksClient client) {
    PipelineDefinition definition = context.definition();
    TransportSettings settings = settings(context);
    DataLocations locations =
        new DataLocations(
            definition,
            context.runId(),
            Optional.empty(),
            uris(context.inputs()),
            uris(context.outputs()));
    StorageCredentials credentials = new StorageCredentials(definition, settings.secretScope());
    SourceUploader uploader =
        new SourceUploader(
            client.getWorkspaceClient(), settings.workspaceRoot(), settings.baseDirectory());
    RunPlan plan =
        new RunPlan(
            definition,
            context.runId(),
            context.parameterValues(locations::onDatastore),
            locations,
            credentials.sparkConf(),
            settings,
            uploader::upload);
    credentials.store(
        client.getSecretsClient(), reference -> context.secret(reference.reference()));
    return plan.stepRequest(context.step().name(), context.idempotencyKey());
  }

  /**
   * Returns the namespace of these settings in the {@code orchestrated} transport's configuration.
   */
  public static String settingsNamespace() {
    return TransportSettings.NAMESPACE;
  }

  /**
   * Checks the {@code orchestrated} transport's Databricks settings.
   *
   * @param settings the keys under {@link #settingsNamespace()}, without the prefix
   * @throws io.sluice.core.ConfigurationException on an unknown key, a key that means nothing per
   *     step or a malformed value, naming the key with its prefix, its value and the known keys
   */
  public static void checkSettings(Map<String, String> settings) {
    TransportSettings.forSteps(settings, Path.of(""));
  }

  /**
   * A builder of the client for a step's workspace, set up by the step's settings: the {@code host}
   * setting, else the compute's workspace URL, else {@code DATABRICKS_HOST} or the profile; HTTP
   * retries and run polling as configured. The caller sets the token.
   *
   * @param context the step
   * @param workspaceUrl the workspace URL of the step's compute
   * @return the builder
   */
  public static DatabricksClientBuilder clientBuilder(
      StepContext context, Optional<String> workspaceUrl) {
    return settings(context).configure(new DatabricksClientBuilder(), workspaceUrl);
  }

  private static TransportSettings settings(StepContext context) {
    return TransportSettings.forSteps(context.settings(), context.baseDirectory());
  }

  private static Map<String, String> uris(Map<String, StepLocation> locations) {
    Map<String, String> uris = new LinkedHashMap<>();
    locations.forEach((name, location) -> uris.put(name, location.uri()));
    return uris;
  }
}
