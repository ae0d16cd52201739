package io.sluice.databricks.models;

/**
 * Where a cluster delivers its logs; exactly one location is set.
 *
 * @param dbfs a DBFS folder
 * @param volumes a Unity Catalog volume folder
 */
public record ClusterLogConf(StorageLocation dbfs, StorageLocation volumes) {
  /**
   * The log destination at a path, placed by its scheme.
   *
   * @param path {@code /Volumes/...} or {@code dbfs:/...}
   * @return the configuration
   */
  public static ClusterLogConf of(String path) {
    return path.startsWith("/Volumes/")
        ? new ClusterLogConf(null, new StorageLocation(path))
        : new ClusterLogConf(new StorageLocation(path), null);
  }
}
