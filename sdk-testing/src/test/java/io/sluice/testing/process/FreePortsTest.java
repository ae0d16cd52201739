package io.sluice.testing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void aPortTakenBeforeTheServerBindsItIsGivenUpForTheNext() throws IOException {
    try (ServerSocket other = listen(0)) {
      PrimitiveIterator.OfInt ports =
          IntStream.of(other.getLocalPort(), FreePorts.loopbackPort()).iterator();
      List<Integer> tried = new ArrayList<>();

      try (ServerSocket server =
          FreePorts.start(
              ports::nextInt,
              port -> {
                tried.add(port);
                return bind(port);
              })) {
        assertThat(tried).hasSize(2).first().isEqualTo(other.getLocalPort());
        assertThat(server.getLocalPort()).isEqualTo(tried.get(1));
      }
    }
  }

  @Test
  void afterThreeTakenPortsTheLastOneIsReported() {
    PrimitiveIterator.OfInt ports = IntStream.of(1001, 1002, 1003, 1004).iterator();

    assertThatThrownBy(
            () ->
                FreePorts.start(
                    ports::nextInt,
                    port -> {
                      throw new PortTakenException("the server", port);
                    }))
        .isInstanceOf(PortTakenException.class)
        .hasMessage("Port 1003 was taken before the server could bind it");
    assertThat(ports.nextInt()).isEqualTo(1004);
  }

  @Test
  void otherFailuresAreNotRetried() {
    List<Integer> tried = new ArrayList<>();

    assertThatThrownBy(
            () ->
                FreePorts.start(
                    port -> {
                      tried.add(port);
                      throw new IllegalStateException("broken");
                    }))
        .hasMessage("broken");
    assertThat(tried).hasSize(1);
  }

  /** A stand-in server: binds the port, and says so when another process has it. */
  private static ServerSocket bind(int port) {
    try {
      return listen(port);
    } catch (BindException e) {
      throw new PortTakenException("the server", port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ServerSocket listen(int port) throws IOException {
    return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
  }
}
