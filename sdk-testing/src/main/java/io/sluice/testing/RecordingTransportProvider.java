package io.sluice.testing;

import io.sluice.core.spi.Transport;
import io.sluice.core.spi.TransportProvider;
import java.util.Map;

/**
 * Registers the {@link RecordingTransport} under the name {@value RecordingTransport#NAME}, so that
 * {@code Sluice.transport("recording")}, or {@code -Dsluice.transport=recording} with {@code
 * Sluice.defaultTransport()}, makes code under test submit to it.
 *
 * <p>It returns a <em>shared</em> instance, not a new one per call: the code under test gets the
 * transport itself, and the test must be able to read back what was submitted, through {@link
 * RecordingTransport#shared()}. The configuration key {@value #INSTANCE_KEY} picks a named shared
 * instance ({@link RecordingTransport#shared(String)}), so that tests running in parallel need not
 * share one. Reset it before each test with {@link RecordingTransport#reset()}.
 */
public final class RecordingTransportProvider implements TransportProvider {

  /** The configuration key that names the shared instance to use. */
  public static final String INSTANCE_KEY = "instance";

  /** The name of the shared instance used when the configuration names none. */
  public static final String DEFAULT_INSTANCE = "default";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public RecordingTransportProvider() {
    // Stateless: the shared instances live in RecordingTransport.
  }

  @Override
  public String name() {
    return RecordingTransport.NAME;
  }

  /**
   * Returns a shared recording transport.
   *
   * @param configuration {@value #INSTANCE_KEY}: the shared instance's name, {@value
   *     #DEFAULT_INSTANCE} when absent
   * @return the shared instance, not a new one
   */
  @Override
  public Transport create(Map<String, String> configuration) {
    return RecordingTransport.shared(configuration.getOrDefault(INSTANCE_KEY, DEFAULT_INSTANCE));
  }
}
