package io.sluice.core.local;

import io.sluice.core.spi.Transport;
import io.sluice.core.spi.TransportProvider;
import java.util.Map;

/** Provides the {@code local} transport. */
public final class LocalTransportProvider implements TransportProvider {

  /** Creates the provider; found through {@link java.util.ServiceLoader}. */
  public LocalTransportProvider() {}

  @Override
  public String name() {
    return "local";
  }

  @Override
  public Transport create(Map<String, String> configuration) {
    return new LocalTransport(configuration);
  }
}
