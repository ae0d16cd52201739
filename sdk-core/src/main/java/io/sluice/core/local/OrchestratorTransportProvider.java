package io.sluice.core.local;

import io.sluice.core.spi.Transport;
import io.sluice.core.spi.TransportProvider;
import java.util.Map;

/** A provider of a transport over the local orchestrator, under one name. */
abstract class OrchestratorTransportProvider implements TransportProvider {
  private final String name;

  OrchestratorTransportProvider(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Transport create(Map<String, String> configuration) {
    return new LocalTransport(name, configuration);
  }
}
