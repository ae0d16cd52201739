package io.sluice.core;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.implementation.Providers;
import io.sluice.core.model.Pipeline;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.Transport;
import io.sluice.core.spi.TransportProvider;
import java.util.Map;

/**
 * The entry point: choose a transport and run pipelines on it.
 *
 * <pre>{@code
 * PipelineRun run = Sluice.transport("local").submit(pipeline.compile(), RunOptions.defaults());
 * run.waitForCompletion(Duration.ofHours(1));
 * }</pre>
 *
 * <p>The transport is chosen explicitly by name; {@link #defaultTransport()} reads the system
 * property {@value #TRANSPORT_PROPERTY}, then the environment variable {@value #TRANSPORT_ENV},
 * then falls back to {@code local}, the embedded default.
 */
public final class Sluice {
  /** The system property that names the default transport. */
  public static final String TRANSPORT_PROPERTY = "sluice.transport";

  /** The environment variable that names the default transport. */
  public static final String TRANSPORT_ENV = "SLUICE_TRANSPORT";

  private Sluice() {}

  /**
   * A transport by name, with default settings.
   *
   * @param name e.g. {@code local}, {@code databricks}, {@code azureml}, {@code orchestrated}
   * @return a new transport
   * @throws io.sluice.core.spi.TransportNotFoundException naming the artifact to add
   */
  public static Transport transport(String name) {
    return transport(name, Map.of());
  }

  /**
   * A transport by name.
   *
   * @param name the transport's name
   * @param configuration transport-specific settings
   * @return a new transport
   * @throws io.sluice.core.spi.TransportNotFoundException naming the artifact to add
   */
  public static Transport transport(String name, Map<String, String> configuration) {
    var available =
        Providers.all(TransportProvider.class).stream()
            .map(TransportProvider::name)
            .sorted()
            .toList();
    TransportProvider provider =
        Providers.find(
            TransportProvider.class, "transport", name, p -> p.name().equals(name), available);
    if (provider.apiVersion() != TransportProvider.API_VERSION) {
      throw new SluiceException(
          "Transport '"
              + name
              + "' speaks SPI version "
              + provider.apiVersion()
              + " but this Sluice speaks "
              + TransportProvider.API_VERSION
              + "; use the same version of every io.sluice artifact (import io.sluice:sluice-bom)");
    }
    return provider.create(configuration);
  }

  /**
   * The default transport: system property, then environment variable, then {@code local}.
   *
   * @return a new transport
   */
  public static Transport defaultTransport() {
    String name = System.getProperty(TRANSPORT_PROPERTY);
    if (name == null || name.isBlank()) {
      name = System.getenv(TRANSPORT_ENV);
    }
    return transport(name == null || name.isBlank() ? "local" : name.strip());
  }

  /**
   * Compiles a pipeline and submits it to the default transport, handing it the secrets of the
   * pipeline's datastores and computes.
   *
   * @param pipeline the pipeline
   * @param options run options; the pipeline's secrets are added to them
   * @return the run
   */
  public static PipelineRun submit(Pipeline pipeline, RunOptions options) {
    PipelineDefinition definition = pipeline.compile();
    RunOptions withSecrets =
        RunOptions.builder().from(options).addAllSecrets(PipelineSecrets.of(pipeline)).build();
    return defaultTransport().submit(definition, withSecrets);
  }
}
