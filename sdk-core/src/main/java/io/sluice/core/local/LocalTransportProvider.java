package io.sluice.core.local;

import io.sluice.core.spi.Transport;
import io.sluice.core.spi.TransportProvider;
import java.util.Map;

/** Provides the {@code local} transport. */
public final class LocalTransportProvider implements TransportProvider {
  /** The transport's name. */
  public static final String NAME = "local";

  /** Creates the provider; found through {@link java.util.ServiceLoader}. */
  public LocalTransportProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Transport create(Map<String, String> configuration) {
    return new LocalTransport(NAME, configuration);
  }
}
