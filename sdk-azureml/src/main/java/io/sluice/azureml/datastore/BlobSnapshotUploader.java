package io.sluice.azureml.datastore;

import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobStorageException;
import io.sluice.azureml.SnapshotUploader;
import io.sluice.azureml.models.BlobFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

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
    return clients.run(
        location,
        null,
        "upload a snapshot to",
        folder.prefix(),
        container -> {
          List<String> sent = Collections.synchronizedList(new ArrayList<>());
          Transfers.forEach(
              List.copyOf(files.keySet()),
              name -> {
                if (send(container, prefix + name, files.get(name), sha256.get(name))) {
                  sent.add(name);
                }
              });
          List<String> sorted = new ArrayList<>(sent);
          Collections.sort(sorted);
          return sorted;
        });
  }

  /** Uploads one file unless its blob already carries the same hash; true when it was sent. */
  private static boolean send(BlobContainerClient container, String blobName, Path file,
      String hash) {
    BlobClient blob = container.getBlobClient(blobName);
    if (hash != null && hash.equals(existingHash(blob))) {
      return false;
    }
    Transfers.uploadFile(blob, file, hash == null ? null : Map.of(HASH_METADATA, hash));
    return true;
  }

  private static String existingHash(BlobClient blob) {
    try {
      BlobProperties properties = blob.getProperties();
      return properties.getMetadata() == null ? null : properties.getMetadata().get(HASH_METADATA);
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404) {
        return null; // not there yet; a missing container fails the upload that follows
      }
      throw e;
    }
  }
}
