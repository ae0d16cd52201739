package io.sluice.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testing.process.FreePorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The test server itself: a second one, started beside the shared one. */
class MlflowServerIT {

  @Test
  void aPortTakenBeforeMlflowBindsItIsGivenUpForAnotherAndTheStoreIsDeletedOnClose()
      throws Exception {
    Path work;
    // Another process has the first port handed out, as one can between the check and the bind.
    try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int taken = other.getLocalPort();
      PrimitiveIterator.OfInt ports =
          IntStream.concat(IntStream.of(taken), IntStream.generate(FreePorts::loopbackPort))
              .iterator();

      try (MlflowServer.Running server = MlflowServer.start(ports::nextInt)) {
        work = server.work;
        assertThat(server.uri).startsWith("http://127.0.0.1:").doesNotEndWith(":" + taken);
        MlflowClient client = new MlflowClientBuilder().trackingUri(server.uri).buildClient();
        String experiment = client.createExperiment("on-its-own-port");
        assertThat(client.getExperiment(experiment).name()).isEqualTo("on-its-own-port");
        assertThat(work.resolve("mlflow.db")).isRegularFile();
      }
    }
    assertThat(work).doesNotExist();
  }
}
