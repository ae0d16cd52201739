package io.sluice.core.spi;

import java.util.Map;

/**
 * Makes {@link Transport}s; found with {@link java.util.ServiceLoader} through {@code
 * META-INF/services/io.sluice.core.spi.TransportProvider}. For transport implementors.
 */
public interface TransportProvider {

  /** The SPI version this Sluice speaks. */
  int API_VERSION = 1;

  /** Returns the name users choose the transport by, e.g. {@code databricks}. */
  String name();

  /** Returns the SPI version the provider was built for; must equal {@link #API_VERSION}. */
  default int apiVersion() {
    return API_VERSION;
  }

  /**
   * Makes a transport.
   *
   * @param configuration transport-specific settings (documented by each transport)
   * @return a new transport
   */
  Transport create(Map<String, String> configuration);
}
