package io.sluice.azureml.transport;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.models.CommandJob;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.Secret;
import io.sluice.core.spi.StepContext;

/**
 * One script step of an orchestrated run as an Azure ML command job of its own, compiled as the
 * {@code azureml} transport compiles a pipeline job's node: the step's source directory as a
 * content-hashed code asset, its environment, its compute; inputs and outputs bound as {@code
 * azureml://datastores/<datastore>/paths/sluice/runs/<run>/<step>/<output>/}, the same datastore
 * paths the orchestrator and the other executors use; parameters as literal inputs. The run's
 * blob and ADLS datastores the workspace lacks are registered first. For step executors.
 */
public final class StepJobs {
  private StepJobs() {}

  /**
   * Registers missing datastores, uploads the step's code and environment, and compiles its job.
   *
   * @param context the step, its parameters and secrets
   * @param client the workspace's client
   * @return the command job, to be created under {@link StepContext#idempotencyKey()}
   */
  public static CommandJob prepare(StepContext context, AzureMlClient client) {
    PipelineDefinition definition = context.definition();
    new DatastoreRegistration(client, reference -> Secret.of(reference, context.secret(reference)))
        .registerMissing(definition);
    CompiledStep assets = StepAssets.compile(client, context.baseDirectory(), definition, context.step());
    return new PipelineJobCompiler(definition, client.getWorkspace().resourceId(), null)
        .standaloneJob(context.step(), context.runId(), context.parameterValues(), assets, definition.name());
  }
}
