package io.sluice.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(MlflowServer.class)
class LargeArtifactIT {
  private static final int SIZE = 50 * 1024 * 1024;

  @Test
  void fiftyMegabytesRoundTripByteIdentical(@TempDir Path tmp) throws Exception {
    MlflowClient mlflow = new MlflowClientBuilder().trackingUri(MlflowServer.uri()).buildClient();
    String runId =
        mlflow
            .createRun(mlflow.createExperiment("large-" + UUID.randomUUID()), null, List.of())
            .info()
            .runId();
    Path source = tmp.resolve("weights.bin");
    Random random = new Random(50);
    byte[] chunk = new byte[1024 * 1024];
    try (OutputStream out = Files.newOutputStream(source)) {
      for (int i = 0; i < SIZE / chunk.length; i++) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }

    long start = System.nanoTime();
    mlflow.getArtifactClient().uploadArtifact(runId, source, "model");
    long uploaded = System.nanoTime();
    mlflow
        .getArtifactClient()
        .downloadArtifact(runId, "model/weights.bin", tmp.resolve("back/weights.bin"));
    long downloaded = System.nanoTime();
    System.out.printf(
        "50 MB artifact: upload %.2f s, download %.2f s%n",
        (uploaded - start) / 1e9, (downloaded - uploaded) / 1e9);

    assertThat(Files.size(tmp.resolve("back/weights.bin"))).isEqualTo(SIZE);
    assertThat(sha256(tmp.resolve("back/weights.bin"))).isEqualTo(sha256(source));
    assertThat(mlflow.getArtifactClient().listArtifacts(runId, "model"))
        .singleElement()
        .satisfies(file -> assertThat(file.fileSize()).isEqualTo((long) SIZE));
  }

  private static String sha256(Path file)
      throws IOException, java.security.NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (var in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
