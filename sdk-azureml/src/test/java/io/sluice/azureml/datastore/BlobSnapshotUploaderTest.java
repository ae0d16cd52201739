package io.sluice.azureml.datastore;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.azureml.implementation.SourceSnapshot;
import io.sluice.azureml.models.BlobFolder;
import io.sluice.core.definition.DatastoreCredentialDefinition;
import io.sluice.core.definition.SecretReference;
import io.sluice.core.model.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uploader against a minimal stand-in for the Blob service (List Blobs with metadata, PUT for a
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
      String path =
          java.net.URLDecoder.decode(
              request.getRequestUrl().encodedPath(), java.nio.charset.StandardCharsets.UTF_8);
      MockResponse response =
          new MockResponse()
              .setHeader("x-ms-request-id", "r")
              .setHeader("x-ms-version", "2025-01-05")
              .setHeader("ETag", "\"0x1\"")
              .setHeader("Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT");
      if (request.getMethod().equals("GET")
          && "list".equals(request.getRequestUrl().queryParameter("comp"))) {
        return response
            .setResponseCode(200)
            .setHeader("Content-Type", "application/xml")
            .setBody(listing(path + "/", request.getRequestUrl().queryParameter("prefix")));
      }
      if (request.getMethod().equals("PUT")) {
        puts.add(path);
        hashes.put(path, request.getHeader("x-ms-meta-sha256"));
        return response.setResponseCode(201);
      }
      return response.setResponseCode(400);
    }

    /** List Blobs with metadata: the blobs of the container below the prefix. */
    private String listing(String container, String prefix) {
      String below = container + (prefix == null ? "" : prefix);
      StringBuilder xml =
          new StringBuilder(
              "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + "<EnumerationResults><Blobs>");
      new TreeMap<>(hashes)
          .forEach(
              (name, hash) -> {
                if (name.startsWith(below)) {
                  xml.append("<Blob><Name>")
                      .append(name.substring(container.length()))
                      .append("</Name><Properties><BlobType>BlockBlob</BlobType></Properties>")
                      .append("<Metadata><sha256>")
                      .append(hash)
                      .append("</sha256></Metadata></Blob>");
                }
              });
      return xml.append("</Blobs><NextMarker/></EnumerationResults>").toString();
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
      BlobFolder folder =
          new BlobFolder(
              server.url("/devstoreaccount1/code").toString(),
              "LocalUpload/x",
              Optional.of(Secret.of("sas", "sv=2024&sig=CANARY")),
              Optional.empty());
      BlobSnapshotUploader uploader = new BlobSnapshotUploader();

      SourceSnapshot first = SourceSnapshot.of(dir);
      int sent = uploader.upload(folder, first.files(), first.sha256()).size();
      Files.writeString(dir.resolve("b.py"), "b = 3\n");
      SourceSnapshot second = SourceSnapshot.of(dir);
      int sentAgain = uploader.upload(folder, second.files(), second.sha256()).size();

      assertThat(sent).isEqualTo(2);
      assertThat(sentAgain).isEqualTo(1);
      String base = "/devstoreaccount1/code/LocalUpload/x/";
      // Files travel in parallel, so the first two PUTs come in either order.
      assertThat(blobs.puts).containsExactlyInAnyOrder(base + "a.py", base + "b.py", base + "b.py");
      assertThat(blobs.hashes.get(base + "b.py")).isEqualTo(second.sha256().get("b.py"));
      assertThat(first.hash()).isNotEqualTo(second.hash());
    }
  }

  @Test
  void aFolderSplitsIntoEndpointAccountAndContainer() {
    BlobFolder cloud =
        new BlobFolder(
            "https://acct.blob.core.windows.net/code/",
            "x",
            Optional.of(Secret.of("sas", "sv=1&sig=s")),
            Optional.empty());
    BlobFolder emulator =
        new BlobFolder(
            "http://127.0.0.1:10000/devstoreaccount1/c",
            "",
            Optional.empty(),
            Optional.of(Secret.of("key", "k")));

    BlobLocation a = BlobLocation.of(cloud, "snapshot");
    BlobLocation b = BlobLocation.of(emulator, "snapshot");

    assertThat(List.of(a.blobEndpoint(), a.accountName(), a.container()))
        .containsExactly("https://acct.blob.core.windows.net", "acct", "code");
    assertThat(List.of(b.blobEndpoint(), b.accountName(), b.container()))
        .containsExactly("http://127.0.0.1:10000/devstoreaccount1", "devstoreaccount1", "c");
    assertThat(a.credential())
        .isEqualTo(new DatastoreCredentialDefinition.Sas(new SecretReference("sas")));
    assertThat(b.credential())
        .isEqualTo(new DatastoreCredentialDefinition.AccountKey(new SecretReference("key")));
  }
}
