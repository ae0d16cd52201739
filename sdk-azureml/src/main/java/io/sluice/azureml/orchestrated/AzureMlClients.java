package io.sluice.azureml.orchestrated;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.AzureMlClientBuilder;
import io.sluice.azureml.transport.StepJobs;
import io.sluice.core.ConfigurationException;
import io.sluice.core.spi.StepContext;
import java.util.function.Function;

/**
 * The client of the workspace orchestrated steps run in: the {@code config.json} named by the
 * {@code azureml.configFile} setting or found from the run's base directory (as Azure ML v1
 * searched), at the {@code azureml.endpoint} setting's ARM endpoint if set, signed in with
 * azure-identity's {@code DefaultAzureCredential}.
 */
final class AzureMlClients {
  private static volatile Function<StepContext, AzureMlClient> factory = AzureMlClients::fromConfig;

  private AzureMlClients() {}

  static AzureMlClient client(StepContext context) {
    return factory.apply(context);
  }

  /**
   * Replaces how clients are made, e.g. to point at a stand-in service; null restores the default.
   */
  static void use(Function<StepContext, AzureMlClient> clients) {
    factory = clients == null ? AzureMlClients::fromConfig : clients;
  }

  private static AzureMlClient fromConfig(StepContext context) {
    AzureMlClientBuilder builder;
    try {
      builder = StepJobs.clientBuilder(context);
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      String from =
          context.settings().getOrDefault("configFile", context.baseDirectory().toString());
      throw new ConfigurationException(
          "Step '"
              + context.step().name()
              + "' runs on Azure ML, but no workspace"
              + " config.json was found from "
              + from
              + "; download it from the Azure ML studio"
              + " into that folder (or a parent, or .azureml/), or set azureml.configFile",
          e);
    }
    return builder.defaultAzureCredential().buildClient();
  }
}
