package io.sluice.azureml.implementation;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.sluice.azureml.SnapshotUploader;
import io.sluice.azureml.models.BlobFolder;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Uploads snapshot files with azure-storage-blob. Each blob carries its file's SHA-256 as metadata,
 * set in the same commit as the content (a block blob is only visible once its block list is
 * committed), so an interrupted upload never leaves a blob that claims to be complete, and a file
 * whose blob already carries the same hash is not sent again.
 */
public final class BlobSnapshotUploader implements SnapshotUploader {
  static final String HASH_METADATA = "sha256";

  /** Creates the uploader. */
  public BlobSnapshotUploader() {}

  @Override
  public List<String> upload(BlobFolder folder, SortedMap<String, Path> files,
      Map<String, String> sha256) {
    BlobContainerClient container = container(folder);
    ParallelTransferOptions transfer = new ParallelTransferOptions()
        .setBlockSizeLong(8L * 1024 * 1024).setMaxConcurrency(8);
    List<String> uploaded = new ArrayList<>();
    for (Map.Entry<String, Path> file : files.entrySet()) {
      String hash = sha256.get(file.getKey());
      BlobClient blob = container.getBlobClient(
          folder.prefix().isEmpty() ? file.getKey() : folder.prefix() + "/" + file.getKey());
      if (hash != null && hash.equals(existingHash(blob))) {
        continue;
      }
      blob.uploadFromFile(file.getValue().toString(), transfer, null,
          hash == null ? null : Map.of(HASH_METADATA, hash), null, null, null);
      uploaded.add(file.getKey());
    }
    return uploaded;
  }

  private static String existingHash(BlobClient blob) {
    try {
      BlobProperties properties = blob.getProperties();
      return properties.getMetadata() == null ? null : properties.getMetadata().get(HASH_METADATA);
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  private static BlobContainerClient container(BlobFolder folder) {
    BlobContainerClientBuilder builder = new BlobContainerClientBuilder()
        .endpoint(folder.containerUrl());
    if (folder.sasToken().isPresent()) {
      builder.sasToken(folder.sasToken().get().value().orElseThrow(
          () -> new IllegalArgumentException("the SAS token for " + folder.containerUrl()
              + " has no value in this process")));
    } else if (folder.accountKey().isPresent()) {
      builder.credential(new StorageSharedKeyCredential(accountName(folder.containerUrl()),
          folder.accountKey().get().value().orElseThrow(
              () -> new IllegalArgumentException("the account key for " + folder.containerUrl()
                  + " has no value in this process"))));
    }
    return builder.buildClient();
  }

  /** The account: the host's first label, or the first path segment for an emulator. */
  static String accountName(String containerUrl) {
    URI uri = URI.create(containerUrl);
    String host = uri.getHost();
    if (host != null && host.contains(".blob.")) {
      return host.substring(0, host.indexOf('.'));
    }
    String path = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
    return path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
  }
}
