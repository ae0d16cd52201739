package io.sluice.core.local;

import io.sluice.core.spi.Transport;
import io.sluice.core.spi.TransportProvider;
import java.util.Map;

/**
 * Provides the {@code orchestrated} transport: the local runner's orchestrator, with each step sent
 * to the executor of its compute target (see {@link LocalTransport} for its settings).
 */
public final class OrchestratedTransportProvider implements TransportProvider {
  /** The transport's name. */
  public static final String NAME = "orchestrated";

  /** Creates the provider; found through {@link java.util.ServiceLoader}. */
  public OrchestratedTransportProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Transport create(Map<String, String> configuration) {
    return new LocalTransport(NAME, configuration);
  }
}
