package io.sluice.azureml.transport;

import io.sluice.azureml.AzureMlClientBuilder;
import io.sluice.core.model.Workspace;
import io.sluice.core.spi.Transport;
import io.sluice.core.spi.TransportProvider;
import java.nio.file.Path;
import java.util.Map;

/**
 * Provides the {@code azureml} transport. Settings: {@code configFile} (a {@code config.json} or
 * the folder to search from; the working directory by default), {@code baseDirectory} (where source
 * directories are resolved), {@code defaultCompute}, {@code pollIntervalSeconds} (whole seconds, 1
 * or more; 5 by default) and {@code endpoint}. The credential is azure-identity's {@code
 * DefaultAzureCredential}, which must be on the class path; to pass another, or a client, use
 * {@link AzureMlTransport#builder()}.
 */
public final class AzureMlTransportProvider implements TransportProvider {
  /** The name users choose this transport by. */
  public static final String NAME = "azureml";

  /** Creates the provider; found through {@link java.util.ServiceLoader}. */
  public AzureMlTransportProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Transport create(Map<String, String> configuration) {
    return new AzureMlTransportBuilder(configuration).build();
  }

  /**
   * A builder for the workspace of {@code configFile} (a {@code config.json} or the folder to
   * search from) and {@code endpoint}, keys this transport and the orchestrated Azure ML steps
   * share.
   */
  static AzureMlClientBuilder builder(Map<String, String> configuration, Path base) {
    Workspace workspace =
        Workspace.fromConfig(Path.of(configuration.getOrDefault("configFile", base.toString())));
    AzureMlClientBuilder builder = new AzureMlClientBuilder().workspace(workspace);
    if (configuration.containsKey("endpoint")) {
      builder.endpoint(configuration.get("endpoint"));
    }
    return builder;
  }
}
