package io.sluice.azureml.orchestrated;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.AzureMlClientBuilder;
import io.sluice.core.ConfigurationException;
import io.sluice.core.model.Workspace;
import io.sluice.core.spi.StepContext;
import java.util.function.Function;

/**
 * The client of the workspace orchestrated steps run in: the {@code config.json} found from the
 * run's base directory (as Azure ML v1 searched), signed in with azure-identity's {@code
 * DefaultAzureCredential}.
 */
final class AzureMlClients {
  private static volatile Function<StepContext, AzureMlClient> factory = AzureMlClients::fromConfig;

  private AzureMlClients() {}

  static AzureMlClient client(StepContext context) {
    return factory.apply(context);
  }

  /** Replaces how clients are made, e.g. to point at a stand-in service; null restores the default. */
  static void use(Function<StepContext, AzureMlClient> clients) {
    factory = clients == null ? AzureMlClients::fromConfig : clients;
  }

  private static AzureMlClient fromConfig(StepContext context) {
    Workspace workspace;
    try {
      workspace = Workspace.fromConfig(context.baseDirectory());
    } catch (RuntimeException e) {
      throw new ConfigurationException("Step '" + context.step().name() + "' runs on Azure ML, but no workspace"
          + " config.json was found from " + context.baseDirectory() + "; download it from the Azure ML studio"
          + " into that folder (or a parent, or .azureml/)", e);
    }
    return new AzureMlClientBuilder().workspace(workspace).defaultAzureCredential().buildClient();
  }
}
