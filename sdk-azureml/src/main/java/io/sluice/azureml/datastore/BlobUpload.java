package io.sluice.azureml.datastore;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replaces what is at a datastore path with a local folder or file.
 *
 * <p>Integrity scheme: a folder is uploaded to its final blob names and a {@code _SUCCESS} marker
 * blob is written last, after stale blobs were deleted; the marker is deleted first, before any
 * blob changes. Readers ({@link BlobDownload}, content hashes) only accept a folder that has the
 * marker, and recheck its ETag when done. Blob storage has no rename, so staging under a temporary
 * prefix would cost a server-side copy of every blob and leave the same gap at the copy step; the
 * marker costs one request and is what Spark and Hadoop already write and read. A single file needs
 * no marker: a block blob only becomes visible when its block list is committed, at once.
 */
final class BlobUpload {
  private final BlobContainerClient container;
  private final BlobTree tree;

  BlobUpload(BlobTree tree) {
    this.container = tree.container();
    this.tree = tree;
  }

  void upload(Path source) {
    String path = tree.path();
    if (Files.isRegularFile(source)) {
      if (path.isEmpty()) {
        throw new IllegalArgumentException(
            "A single file needs a path to be uploaded to; give the blob name, e.g. 'data/"
                + source.getFileName()
                + "'");
      }
      uploadFile(source, path);
      // A folder that was at this path before is stale now: unmark it first, then delete it.
      deleteIfExists(BlobPaths.prefix(path) + BlobPaths.MARKER);
      deleteStale(Set.of());
      return;
    }
    if (!Files.isDirectory(source)) {
      throw new UncheckedIOException(
          new IOException("Cannot upload " + source + ": it is neither a file nor a folder"));
    }
    List<String> files = localFiles(source);
    String prefix = BlobPaths.prefix(path);
    deleteIfExists(prefix + BlobPaths.MARKER); // from here on readers see "incomplete"
    if (!path.isEmpty()) {
      deleteIfExists(path); // a single blob at the path would shadow the folder
    }
    Transfers.forEach(files, name -> uploadFile(source.resolve(name), prefix + name));
    deleteStale(new HashSet<>(files));
    container
        .getBlobClient(prefix + BlobPaths.MARKER)
        .upload(BinaryData.fromBytes(new byte[0]), true);
  }

  /**
   * Relative names, with {@code /}, of the regular files below a folder; a top-level marker is
   * ours.
   */
  private static List<String> localFiles(Path source) {
    try (Stream<Path> walk = Files.walk(source)) {
      return walk.filter(Files::isRegularFile)
          .map(file -> source.relativize(file).toString().replace('\\', '/'))
          .filter(name -> !name.equals(BlobPaths.MARKER))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the files of " + source, e);
    }
  }

  private void uploadFile(Path file, String blobName) {
    Transfers.uploadFile(container.getBlobClient(blobName), file, null);
  }

  /** Deletes the blobs below the path that the upload did not write. */
  private void deleteStale(Set<String> written) {
    List<String> stale =
        tree.files().stream()
            .filter(entry -> !written.contains(entry.relativeName()))
            .map(BlobTree.Entry::blobName)
            .toList();
    Transfers.forEach(stale, this::deleteIfExists);
  }

  private void deleteIfExists(String blobName) {
    try {
      container.getBlobClient(blobName).delete();
    } catch (BlobStorageException e) {
      // Only a missing blob is fine; a missing container must surface as such.
      if (!BlobErrorCode.BLOB_NOT_FOUND.equals(e.getErrorCode())) {
        throw e;
      }
    }
  }
}
