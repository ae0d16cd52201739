package io.sluice.azureml.datastore;

import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.sluice.azureml.SnapshotUploader;
import io.sluice.azureml.models.BlobFolder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * Uploads snapshot files with azure-storage-blob, on the same clients, parallel transfers and
 * secret-free errors as {@link BlobDatastoreIo}. Each blob carries its file's SHA-256 as metadata,
 * set in the same commit as the content (a block blob is only visible once its block list is
 * committed), so an interrupted upload never leaves a blob that claims to be complete, and a file
 * whose blob already carries the same hash is not sent again: a retry sends only what is missing.
 *
 * <p>Failures are {@link DatastoreException}s that name the container and folder and never contain
 * the SAS token or account key.
 */
public final class BlobSnapshotUploader implements SnapshotUploader {
  static final String HASH_METADATA = "sha256";

  /** Names the target in messages; a snapshot folder belongs to no named datastore. */
  private static final String TARGET = "snapshot";

  private final StorageClients clients;

  /** Creates the uploader. */
  public BlobSnapshotUploader() {
    this(List.of());
  }

  /** An uploader whose requests also pass through {@code policies}, e.g. to count or fail them. */
  BlobSnapshotUploader(List<HttpPipelinePolicy> policies) {
    // Snapshot folders carry their own SAS token or key; no identity-based access here.
    this.clients = new StorageClients(null, policies);
  }

  @Override
  public List<String> upload(
      BlobFolder folder, SortedMap<String, Path> files, Map<String, String> sha256) {
    BlobLocation location = BlobLocation.of(folder, TARGET);
    String prefix = BlobPaths.prefix(BlobPaths.normalize(folder.prefix()));
    // The folder's own secrets hold their values; the location names them by reference.
    Map<String, String> values = new HashMap<>();
    Stream.of(folder.sasToken(), folder.accountKey())
        .flatMap(Optional::stream)
        .forEach(secret -> secret.value().ifPresent(v -> values.put(secret.reference(), v)));
    return clients.run(
        location,
        values::get,
        "upload a snapshot to",
        folder.prefix(),
        container -> {
          Map<String, String> existing = hashes(container, prefix);
          List<String> missing =
              files.keySet().stream()
                  .filter(name -> !isThere(existing.get(prefix + name), sha256.get(name)))
                  .toList();
          Transfers.forEach(
              missing,
              name -> {
                String hash = sha256.get(name);
                Transfers.uploadFile(
                    container.getBlobClient(prefix + name),
                    files.get(name),
                    hash == null ? null : Map.of(HASH_METADATA, hash));
              });
          return missing;
        });
  }

  /** A file without a hash is always sent: nothing tells that its blob holds the same bytes. */
  private static boolean isThere(String blobHash, String fileHash) {
    return fileHash != null && fileHash.equals(blobHash);
  }

  /**
   * Blob name to the SHA-256 its metadata vouches for, below the prefix: one listing request per
   * 5,000 blobs instead of one request per file, so an unchanged folder costs almost nothing.
   */
  static Map<String, String> hashes(BlobContainerClient container, String prefix) {
    ListBlobsOptions options =
        new ListBlobsOptions()
            .setPrefix(prefix)
            .setDetails(new BlobListDetails().setRetrieveMetadata(true));
    Map<String, String> hashes = new HashMap<>();
    for (BlobItem item : container.listBlobs(options, null)) {
      if (item.getMetadata() != null && item.getMetadata().containsKey(HASH_METADATA)) {
        hashes.put(item.getName(), item.getMetadata().get(HASH_METADATA));
      }
    }
    return hashes;
  }
}
