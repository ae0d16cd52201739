package io.sluice.azureml.datastore;

import static io.sluice.azureml.datastore.BlobErrorsIT.KEY_CANARY;
import static io.sluice.azureml.datastore.BlobErrorsIT.SAS_CANARY;
import static io.sluice.azureml.datastore.BlobErrorsIT.assertNoCanary;
import static io.sluice.azureml.datastore.LocalTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.storage.blob.BlobContainerClient;
import io.sluice.azureml.implementation.SourceSnapshot;
import io.sluice.azureml.models.BlobFolder;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.model.Secret;
import io.sluice.testing.azurite.AzuriteExtension;
import io.sluice.testing.azurite.AzuriteServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code snapshots against Azurite: ignore files, unchanged files, cut uploads, and credentials that
 * never show in messages or logs.
 */
@ExtendWith(AzuriteExtension.class)
class SnapshotUploadIT {
  private static final String PREFIX = "LocalUpload/0123abcd/src";
  private static final int FILE_SIZE = 512 * 1024;

  @TempDir Path dir;

  @Test
  void twoHundredFilesRoundTripAndASecondSnapshotSendsNothing(AzuriteServer azurite)
      throws Exception {
    DatastoreDefinition.AzureBlob store = AzuriteStores.fresh(azurite);
    Path source = LocalTrees.random(dir.resolve("src"), 198, FILE_SIZE, 11);
    // .amlignore wins over .gitignore, as in Azure ML; .git is never part of a snapshot.
    LocalTrees.write(
        source,
        Map.of(
            ".amlignore", "*.log\nscratch/\n",
            ".gitignore", "scratch/\n",
            "logs/train.log", "epoch 1\n",
            "scratch/tmp.txt", "scratch",
            ".git/HEAD", "ref: refs/heads/main\n"));
    SourceSnapshot snapshot = SourceSnapshot.of(source);
    CountWrites first = new CountWrites();
    CountWrites second = new CountWrites();

    long start = System.nanoTime();
    List<String> sent =
        uploader(first).upload(folder(azurite, store), snapshot.files(), snapshot.sha256());
    long uploaded = System.nanoTime();
    List<String> sentAgain =
        uploader(second)
            .upload(folder(azurite, store), SourceSnapshot.of(source).files(), snapshot.sha256());
    long again = System.nanoTime();
    Path back = download(azurite, store, dir.resolve("back"));

    assertThat(snapshot.files()).hasSize(200);
    assertThat(sent).hasSize(200);
    assertThat(first.puts).hasSize(200);
    assertThat(sentAgain).isEmpty();
    assertThat(second.puts).isEmpty();
    assertThat(second.requests).as("one listing, nothing else").hasValue(1);
    for (String ignored : List.of("logs/train.log", "scratch/tmp.txt", ".git/HEAD")) {
      Files.delete(source.resolve(ignored));
    }
    assertSameTree(back, source);
    double megabytes = 198.0 * FILE_SIZE / 1e6;
    System.out.printf(
        "snapshot of 200 files, %.1f MB: %.1f MB/s (%d ms, %d PUTs); unchanged"
            + " again: %d ms, %d requests, %d PUTs%n",
        megabytes,
        megabytes / ((uploaded - start) / 1e9),
        (uploaded - start) / 1_000_000,
        first.puts.size(),
        (again - uploaded) / 1_000_000,
        second.requests.get(),
        second.puts.size());
  }

  @Test
  void anUploadCutMidwayAndRetriedSendsOnlyWhatWasMissing(AzuriteServer azurite) throws Exception {
    DatastoreDefinition.AzureBlob store = AzuriteStores.fresh(azurite);
    Path source = LocalTrees.random(dir.resolve("src"), 60, 300_000, 12);
    SourceSnapshot snapshot = SourceSnapshot.of(source);

    Throwable cut =
        catchThrowable(
            () ->
                uploader(new FailAfterWrites(20))
                    .upload(folder(azurite, store), snapshot.files(), snapshot.sha256()));
    Map<String, String> landed = hashes(azurite, store);
    CountWrites retry = new CountWrites();
    List<String> sent =
        uploader(retry).upload(folder(azurite, store), snapshot.files(), snapshot.sha256());

    assertThat(cut)
        .isInstanceOf(DatastoreException.class)
        .hasMessageContaining("injected connection reset")
        .hasMessageContaining("path '" + PREFIX + "'");
    // Whatever landed before the cut is whole: its hash is the local file's.
    assertThat(landed).isNotEmpty().hasSizeLessThanOrEqualTo(20);
    landed.forEach(
        (name, hash) -> assertThat(hash).as(name).isEqualTo(snapshot.sha256().get(name)));
    Set<String> missing = new TreeSet<>(snapshot.files().keySet());
    missing.removeAll(landed.keySet());
    assertThat(sent).containsExactlyElementsOf(missing);
    assertThat(retry.puts).hasSize(missing.size());
    assertSameTree(download(azurite, store, dir.resolve("back")), source);
    System.out.printf(
        "cut after %d of 60 blobs; the retry sent %d%n", landed.size(), retry.puts.size());
  }

  @Test
  void anAccountKeyCanaryNeverShows(AzuriteServer azurite) throws Exception {
    Throwable failure =
        failedUpload(azurite, Optional.empty(), Optional.of(Secret.of("snapshot-key", KEY_CANARY)));

    assertThat(failure).hasMessageContaining("secret 'snapshot-key'");
    assertNoCanary(failure, KEY_CANARY);
  }

  @Test
  void aPendingUploadSasCanaryNeverShows(AzuriteServer azurite) throws Exception {
    String sas = "sv=2021-08-06&sr=c&sp=rwl&se=2099-01-01T00:00:00Z&sig=" + SAS_CANARY;
    Throwable failure =
        failedUpload(
            azurite, Optional.of(Secret.of("azureml:pendingUpload", sas)), Optional.empty());

    assertThat(failure).hasMessageContaining("SAS token in secret 'azureml:pendingUpload'");
    assertNoCanary(failure, SAS_CANARY);
  }

  /** Snapshots one file with a credential the emulator refuses. */
  private Throwable failedUpload(AzuriteServer azurite, Optional<Secret> sas, Optional<Secret> key)
      throws Exception {
    DatastoreDefinition.AzureBlob store = AzuriteStores.fresh(azurite);
    SourceSnapshot snapshot =
        SourceSnapshot.of(LocalTrees.write(dir.resolve("src"), Map.of("a.py", "a = 1\n")));
    BlobFolder refused =
        new BlobFolder(azurite.blobEndpoint() + "/" + store.containerName(), PREFIX, sas, key);

    Throwable failure =
        catchThrowable(
            () -> new BlobSnapshotUploader().upload(refused, snapshot.files(), snapshot.sha256()));

    assertThat(failure)
        .isInstanceOf(DatastoreAuthenticationException.class)
        .hasMessageContaining("container '" + store.containerName() + "'")
        .hasMessageContaining("path '" + PREFIX + "'");
    return failure;
  }

  private static BlobSnapshotUploader uploader(HttpPipelinePolicy policy) {
    return new BlobSnapshotUploader(List.of(policy));
  }

  private static BlobFolder folder(AzuriteServer azurite, DatastoreDefinition.AzureBlob store) {
    return new BlobFolder(
        azurite.blobEndpoint() + "/" + store.containerName(),
        PREFIX,
        Optional.empty(),
        Optional.of(Secret.of(AzuriteServer.ACCOUNT_KEY_REFERENCE, AzuriteServer.ACCOUNT_KEY)));
  }

  private static BlobContainerClient container(
      AzuriteServer azurite, DatastoreDefinition.AzureBlob store) {
    return new BlobDatastoreIo().containerClient(store, azurite.secrets());
  }

  /** Relative name to the SHA-256 its blob vouches for, of every blob below the prefix. */
  private static Map<String, String> hashes(
      AzuriteServer azurite, DatastoreDefinition.AzureBlob store) {
    Map<String, String> hashes = new TreeMap<>();
    BlobSnapshotUploader.hashes(container(azurite, store), PREFIX + "/")
        .forEach((name, hash) -> hashes.put(name.substring(PREFIX.length() + 1), hash));
    return hashes;
  }

  /** Downloads every blob below the prefix; a snapshot has no completion marker to go by. */
  private static Path download(
      AzuriteServer azurite, DatastoreDefinition.AzureBlob store, Path target) {
    BlobContainerClient container = container(azurite, store);
    Transfers.forEach(
        List.copyOf(hashes(azurite, store).keySet()),
        name -> {
          Path file = BlobPaths.localFile(target, name);
          try {
            Files.createDirectories(file.getParent());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          container.getBlobClient(PREFIX + "/" + name).downloadToFile(file.toString());
        });
    return target;
  }
}
