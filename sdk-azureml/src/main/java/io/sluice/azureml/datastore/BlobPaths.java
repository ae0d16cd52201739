package io.sluice.azureml.datastore;

import java.nio.file.Path;

/** Blob names below a datastore path, and where they land on the local disk. */
final class BlobPaths {
  /**
   * Written last by an upload, and by Spark/Hadoop committers when a job output is complete, so
   * that folders written by Databricks steps count as complete too.
   */
  static final String MARKER = "_SUCCESS";

  private BlobPaths() {}

  /** The path without leading or trailing slashes; {@code ..} segments are refused. */
  static String normalize(String path) {
    String trimmed = path == null ? "" : path.replace('\\', '/');
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    for (String segment : trimmed.split("/", -1)) {
      if (segment.equals("..") || (segment.isEmpty() && !trimmed.isEmpty())) {
        throw new IllegalArgumentException(
            "Datastore path '"
                + path
                + "' has an empty or '..' segment; give a plain relative path");
      }
    }
    return trimmed;
  }

  /** The listing prefix of everything below a path: {@code path/}, or the empty string at root. */
  static String prefix(String normalized) {
    return normalized.isEmpty() ? "" : normalized + "/";
  }

  /** The last segment of a blob name. */
  static String baseName(String blobName) {
    return blobName.substring(blobName.lastIndexOf('/') + 1);
  }

  /** The local file for a name relative to the download folder; names may not leave the folder. */
  static Path localFile(Path folder, String relativeName) {
    Path file = folder.resolve(relativeName).normalize();
    if (!file.startsWith(folder.normalize()) || file.equals(folder.normalize())) {
      throw new IllegalArgumentException(
          "Blob name '" + relativeName + "' would be written outside " + folder + "; rename it");
    }
    return file;
  }
}
