package io.sluice.azureml.transport;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.AzureMlClientBuilder;
import io.sluice.azureml.models.CommandJob;
import io.sluice.core.ConfigurationException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.spi.StepContext;
import java.util.Map;
import java.util.Set;

/**
 * One script step of an orchestrated run as an Azure ML command job of its own, compiled as the
 * {@code azureml} transport compiles a pipeline job's node: the step's source directory as a
 * content-hashed code asset, its environment, its compute; inputs and outputs bound as {@code
 * azureml://datastores/<datastore>/paths/sluice/runs/<run>/<step>/<output>/}, the same datastore
 * paths the orchestrator and the other executors use; parameters as literal inputs. The run's blob
 * and ADLS datastores the workspace lacks are registered first. For step executors.
 *
 * <p>The step's {@link StepContext#settings()} are the {@code orchestrated} transport's {@code
 * azureml.} keys, with the meaning the {@code azureml} transport gives the same keys: {@code
 * configFile} (a {@code config.json} or the folder to search from; default the orchestrated
 * transport's {@code baseDirectory}) and {@code endpoint} (the ARM endpoint).
 */
public final class StepJobs {
  private static final Set<String> STEP_KEYS = Set.of("configFile", "endpoint");

  private StepJobs() {}

  /**
   * Returns the namespace of these settings in the {@code orchestrated} transport's configuration.
   */
  public static String settingsNamespace() {
    return "azureml";
  }

  /**
   * Checks the {@code orchestrated} transport's Azure ML settings.
   *
   * @param settings the keys under {@link #settingsNamespace()}, without the prefix
   * @throws io.sluice.core.ConfigurationException on an unknown key, naming it with its prefix, its
   *     value and the known keys
   */
  public static void checkSettings(Map<String, String> settings) {
    settings.forEach(
        (key, value) -> {
          if (!STEP_KEYS.contains(key)) {
            throw ConfigurationException.unknownKey(
                "orchestrated transport",
                settingsNamespace() + "." + key,
                value,
                String.join(
                    ", ",
                    STEP_KEYS.stream().map(k -> settingsNamespace() + "." + k).sorted().toList()));
          }
        });
  }

  /**
   * A builder of the client for a step's workspace: the {@code config.json} the step's {@code
   * configFile} setting names (default: found from the run's base directory) and its {@code
   * endpoint}. The caller sets the credential.
   *
   * @param context the step
   * @return the builder
   */
  public static AzureMlClientBuilder clientBuilder(StepContext context) {
    checkSettings(context.settings());
    return AzureMlTransportProvider.builder(context.settings(), context.baseDirectory());
  }

  /**
   * Registers missing datastores, uploads the step's code and environment, and compiles its job.
   *
   * @param context the step, its parameters and secrets
   * @param client the workspace's client
   * @return the command job, to be created under {@link StepContext#idempotencyKey()}
   */
  public static CommandJob prepare(StepContext context, AzureMlClient client) {
    PipelineDefinition definition = context.definition();
    new DatastoreRegistration(client, reference -> context.secret(reference.reference()))
        .registerMissing(definition);
    CompiledStep assets =
        StepAssets.compile(client, context.baseDirectory(), definition, context.step());
    return new PipelineJobCompiler(definition, client.getWorkspace().resourceId(), null)
        .standaloneJob(
            context.step(),
            context.runId(),
            context.parameterValues(PipelineJobCompiler::datastoreUri),
            assets,
            definition.name());
  }
}
