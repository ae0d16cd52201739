package io.sluice.databricks.transport;

import io.sluice.core.spi.Transport;
import io.sluice.core.spi.TransportProvider;
import java.util.Map;

/**
 * Makes the {@code databricks} transport; its configuration keys are on {@link
 * DatabricksTransport}.
 */
public final class DatabricksTransportProvider implements TransportProvider {
  /** The name users choose the transport by. */
  public static final String NAME = "databricks";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public DatabricksTransportProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Transport create(Map<String, String> configuration) {
    return DatabricksTransport.create(configuration);
  }
}
