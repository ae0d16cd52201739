package io.sluice.azureml;

import io.sluice.azureml.models.BlobFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Uploads the files of a snapshot to blob storage. The default writes with azure-storage-blob,
 * skipping each file whose blob already carries the same SHA-256; a test passes a fake through
 * {@link AzureMlClientBuilder#snapshotUploader(SnapshotUploader)}.
 */
@FunctionalInterface
public interface SnapshotUploader {

  /**
   * Uploads files.
   *
   * @param folder where they go
   * @param files relative path to local file
   * @param sha256 relative path to the file's SHA-256 in hex
   * @return the relative paths of the files sent (files already there with the same hash are not)
   */
  List<String> upload(BlobFolder folder, SortedMap<String, Path> files, Map<String, String> sha256);
}
