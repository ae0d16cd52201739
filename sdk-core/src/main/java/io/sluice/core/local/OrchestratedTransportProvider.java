package io.sluice.core.local;

/**
 * Provides the {@code orchestrated} transport: the local runner's orchestrator, with each step sent
 * to the executor of its compute target (see {@link LocalTransport} for its settings).
 */
public final class OrchestratedTransportProvider extends OrchestratorTransportProvider {
  /** The transport's name. */
  public static final String NAME = "orchestrated";

  /** Creates the provider; found through {@link java.util.ServiceLoader}. */
  public OrchestratedTransportProvider() {
    super(NAME);
  }
}
