package io.sluice.azureml.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.azureml.models.BlobFolder;
import io.sluice.core.model.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uploader against a minimal stand-in for the Blob service (HEAD for properties, PUT for a
 * block blob): a file whose blob already carries its SHA-256 is not sent again.
 */
class BlobSnapshotUploaderTest {

  /** Blob name to its metadata hash; what a Put Blob stored. */
  static final class FakeBlobService extends Dispatcher {
    final Map<String, String> hashes = new ConcurrentHashMap<>();
    final List<String> puts = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      // The SDK encodes the '/' of a blob name; the service treats both spellings alike.
      String path = java.net.URLDecoder.decode(request.getRequestUrl().encodedPath(),
          java.nio.charset.StandardCharsets.UTF_8);
      MockResponse response = new MockResponse()
          .setHeader("x-ms-request-id", "r").setHeader("x-ms-version", "2025-01-05")
          .setHeader("ETag", "\"0x1\"").setHeader("Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT");
      if (request.getMethod().equals("HEAD")) {
        String hash = hashes.get(path);
        return hash == null
            ? response.setResponseCode(404).setHeader("x-ms-error-code", "BlobNotFound")
            : response.setResponseCode(200).setHeader("x-ms-meta-sha256", hash)
                .setHeader("x-ms-blob-type", "BlockBlob").setHeader("Content-Length", "0");
      }
      if (request.getMethod().equals("PUT")) {
        puts.add(path);
        hashes.put(path, request.getHeader("x-ms-meta-sha256"));
        return response.setResponseCode(201);
      }
      return response.setResponseCode(400);
    }
  }

  @Test
  void skipsFilesWhoseBlobHasTheSameHash(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.py"), "a = 1\n");
    Files.writeString(dir.resolve("b.py"), "b = 2\n");
    FakeBlobService blobs = new FakeBlobService();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(blobs);
      server.start();
      BlobFolder folder = new BlobFolder(server.url("/devstoreaccount1/code").toString(), "LocalUpload/x",
          Optional.of(Secret.of("sas", "sv=2024&sig=CANARY")), Optional.empty());
      BlobSnapshotUploader uploader = new BlobSnapshotUploader();

      SourceSnapshot first = SourceSnapshot.of(dir);
      int sent = uploader.upload(folder, first.files(), first.sha256()).size();
      Files.writeString(dir.resolve("b.py"), "b = 3\n");
      SourceSnapshot second = SourceSnapshot.of(dir);
      int sentAgain = uploader.upload(folder, second.files(), second.sha256()).size();

      assertThat(sent).isEqualTo(2);
      assertThat(sentAgain).isEqualTo(1);
      String base = "/devstoreaccount1/code/LocalUpload/x/";
      assertThat(blobs.puts).containsExactly(base + "a.py", base + "b.py", base + "b.py");
      assertThat(blobs.hashes.get(base + "b.py")).isEqualTo(second.sha256().get("b.py"));
      assertThat(first.hash()).isNotEqualTo(second.hash());
    }
  }

  @Test
  void accountNameComesFromTheHostOrTheEmulatorPath() {
    assertThat(BlobSnapshotUploader.accountName("https://acct.blob.core.windows.net/c"))
        .isEqualTo("acct");
    assertThat(BlobSnapshotUploader.accountName("http://127.0.0.1:10000/devstoreaccount1/c"))
        .isEqualTo("devstoreaccount1");
  }
}
