package io.sluice.testing.process;

import io.sluice.core.SluiceException;

/**
 * A local server could not bind the free port chosen for it, as another process took it first;
 * {@link FreePorts#start} then tries another port.
 */
public class PortTakenException extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final int port;

  /**
   * Creates the exception.
   *
   * @param server what could not start, e.g. {@code Azurite}
   * @param port the port it could not bind
   */
  public PortTakenException(String server, int port) {
    super("Port " + port + " was taken before " + server + " could bind it");
    this.port = port;
  }

  /**
   * The port that was taken.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return port;
  }
}
