package io.sluice.azureml.datastore;

import static io.sluice.azureml.datastore.LocalTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.testing.azurite.AzuriteExtension;
import io.sluice.testing.azurite.AzuriteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Uploads and downloads against Azurite. */
@ExtendWith(AzuriteExtension.class)
class BlobRoundTripIT {
  private final BlobDatastoreIo io = new BlobDatastoreIo();
  @TempDir Path dir;

  @Test
  void aNestedFolderRoundTripsByteIdentical(AzuriteServer azurite) throws Exception {
    DatastoreDefinition.AzureBlob store = AzuriteStores.fresh(azurite);
    Path source =
        LocalTrees.write(
            dir.resolve("src"),
            Map.of("a.csv", "x,y\n1,2\n", "deep/er/b.txt", "b", "deep/c.json", "{}", "empty", ""));

    io.upload(source, store, "sluice/runs/r1/prep/out", azurite.secrets());
    io.download(store, "/sluice/runs/r1/prep/out/", dir.resolve("back"), azurite.secrets());

    assertSameTree(dir.resolve("back"), source);
  }

  @Test
  void aSingleFileLandsUnderItsNameAndAFolderCanBeTheRoot(AzuriteServer azurite) throws Exception {
    DatastoreDefinition.AzureBlob store = AzuriteStores.fresh(azurite);
    Path file =
        LocalTrees.write(dir.resolve("src"), Map.of("data.csv", "1,2,3\n")).resolve("data.csv");

    io.upload(file, store, "raw/data.csv", azurite.secrets());
    io.download(store, "raw/data.csv", dir.resolve("one"), azurite.secrets());
    io.upload(dir.resolve("src"), store, "", azurite.secrets());
    io.download(store, "", dir.resolve("root"), azurite.secrets());

    assertThat(dir.resolve("one/data.csv")).hasContent("1,2,3");
    // The folder replaced everything below its path, the root: raw/data.csv is gone.
    assertThat(LocalTrees.listing(dir.resolve("root"))).containsOnlyKeys("data.csv");
  }

  @Test
  void anUploadReplacesWhatWasThere(AzuriteServer azurite) throws Exception {
    DatastoreDefinition.AzureBlob store = AzuriteStores.fresh(azurite);
    Path first =
        LocalTrees.write(dir.resolve("v1"), Map.of("keep.txt", "old", "stale/gone.txt", "x"));
    Path second = LocalTrees.write(dir.resolve("v2"), Map.of("keep.txt", "new", "added.txt", "y"));

    io.upload(first, store, "out", azurite.secrets());
    io.upload(second, store, "out", azurite.secrets());
    io.download(store, "out", dir.resolve("back"), azurite.secrets());
    assertSameTree(dir.resolve("back"), second);

    // A file replaces a folder, and a folder a file.
    io.upload(second.resolve("added.txt"), store, "out", azurite.secrets());
    io.download(store, "out", dir.resolve("file"), azurite.secrets());
    assertThat(LocalTrees.listing(dir.resolve("file"))).containsOnlyKeys("out");
    io.upload(first, store, "out", azurite.secrets());
    io.download(store, "out", dir.resolve("folder"), azurite.secrets());
    assertSameTree(dir.resolve("folder"), first);
  }

  @Test
  void theContentHashFollowsTheBytesOnly(AzuriteServer azurite) throws Exception {
    DatastoreDefinition.AzureBlob store = AzuriteStores.fresh(azurite);
    Path source = LocalTrees.random(dir.resolve("src"), 12, 20_000, 7);
    io.upload(source, store, "d", azurite.secrets());
    String hash = io.contentHash(store, "d", azurite.secrets());

    Path file = source.resolve("part-1/sub-1/f1.bin");
    Files.setLastModifiedTime(file, FileTime.fromMillis(0));
    io.upload(source, store, "d", azurite.secrets());
    assertThat(io.contentHash(store, "d", azurite.secrets())).isEqualTo(hash).startsWith("sha256:");

    byte[] bytes = Files.readAllBytes(file);
    bytes[10_000] ^= 1;
    Files.write(file, bytes);
    io.upload(source, store, "d", azurite.secrets());
    assertThat(io.contentHash(store, "d", azurite.secrets())).isNotEqualTo(hash);
  }

  @Test
  void twoHundredFilesOfOneHundredMegabytesRoundTrip(AzuriteServer azurite) throws Exception {
    DatastoreDefinition.AzureBlob store = AzuriteStores.fresh(azurite);
    Path source = LocalTrees.random(dir.resolve("src"), 200, 512 * 1024, 42);
    double megabytes = 200 * 512 * 1024 / 1e6;

    long start = System.nanoTime();
    io.upload(source, store, "big", azurite.secrets());
    long uploaded = System.nanoTime();
    io.download(store, "big", dir.resolve("back"), azurite.secrets());
    long downloaded = System.nanoTime();

    assertSameTree(dir.resolve("back"), source);
    System.out.printf(
        "200 files, %.1f MB: upload %.1f MB/s (%d ms), download %.1f MB/s (%d ms)%n",
        megabytes,
        megabytes / ((uploaded - start) / 1e9),
        (uploaded - start) / 1_000_000,
        megabytes / ((downloaded - uploaded) / 1e9),
        (downloaded - uploaded) / 1_000_000);
  }
}
