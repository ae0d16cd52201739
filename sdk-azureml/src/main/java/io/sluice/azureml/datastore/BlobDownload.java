package io.sluice.azureml.datastore;

import com.azure.storage.blob.options.BlobDownloadToFileOptions;
import com.azure.storage.common.ParallelTransferOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Copies a complete datastore path into a local folder, in parallel, checking every file against
 * its stored Content-MD5 and the folder's marker against the one seen before reading.
 */
final class BlobDownload {
  private static final Set<OpenOption> REPLACE =
      Set.of(
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE,
          StandardOpenOption.READ);

  private final BlobTree tree;

  BlobDownload(BlobTree tree) {
    this.tree = tree;
  }

  /** Downloads into {@code target}; a single blob lands as {@code target/<its base name>}. */
  void download(Path target) {
    BlobTree.Snapshot snapshot = tree.snapshot("download");
    try {
      Files.createDirectories(target);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the download folder " + target, e);
    }
    Transfers.forEach(
        snapshot.entries(),
        entry -> fetch(entry, BlobPaths.localFile(target, entry.relativeName())));
    tree.recheck(snapshot);
  }

  private void fetch(BlobTree.Entry entry, Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the folder for " + file, e);
    }
    BlobDownloadToFileOptions options =
        new BlobDownloadToFileOptions(file.toString())
            .setOpenOptions(REPLACE)
            .setParallelTransferOptions(
                new ParallelTransferOptions()
                    .setBlockSizeLong(Transfers.BLOCK_SIZE)
                    .setMaxConcurrency(Transfers.BLOCKS_IN_PARALLEL));
    tree.container()
        .getBlobClient(entry.blobName())
        .downloadToFileWithResponse(options, null, null);
    if (entry.contentMd5() != null && !entry.contentMd5().equals(BlobTree.base64(Md5.of(file)))) {
      throw new DatastoreException(
          "Blob '"
              + entry.blobName()
              + "' of "
              + tree.location().describe(tree.path())
              + " arrived with an MD5 that differs from its stored Content-MD5; download again, and"
              + " if it persists the blob was changed in place without updating its Content-MD5",
          null);
    }
  }
}
