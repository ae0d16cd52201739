package io.sluice.core.local;

/** Provides the {@code local} transport. */
public final class LocalTransportProvider extends OrchestratorTransportProvider {
  /** The transport's name. */
  public static final String NAME = "local";

  /** Creates the provider; found through {@link java.util.ServiceLoader}. */
  public LocalTransportProvider() {
    super(NAME);
  }
}
