package io.sluice.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * Starts local servers on free loopback ports. A port found free can be taken by another process
 * before the server binds it, so a start that fails with {@link PortTakenException} is tried again
 * on another port.
 *
 * <pre>{@code
 * MyServer server = FreePorts.start(port -> MyServer.start(port)); // throws PortTakenException
 * }</pre>
 */
public final class FreePorts {
  /** How many ports one start tries. */
  public static final int ATTEMPTS = 3;

  private FreePorts() {}

  /**
   * Starts a server on a free loopback port, on another one if that port was taken first.
   *
   * @param <T> the server
   * @param start starts the server on the given port, or throws {@link PortTakenException}
   * @return the started server
   * @throws PortTakenException if every port tried was taken
   */
  public static <T> T start(IntFunction<T> start) {
    return start(FreePorts::loopbackPort, start);
  }

  /**
   * Starts a server on a port from {@code ports}, on the next one if that port was taken first.
   *
   * @param <T> the server
   * @param ports the ports to try, e.g. {@code FreePorts::loopbackPort}
   * @param start starts the server on the given port, or throws {@link PortTakenException}
   * @return the started server
   * @throws PortTakenException if every port tried was taken
   */
  public static <T> T start(IntSupplier ports, IntFunction<T> start) {
    PortTakenException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        return start.apply(ports.getAsInt());
      } catch (PortTakenException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * A loopback port that is free now; another process may take it before it is used.
   *
   * @return a port on 127.0.0.1
   * @throws UncheckedIOException if the system has none
   */
  public static int loopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free loopback port", e);
    }
  }
}
