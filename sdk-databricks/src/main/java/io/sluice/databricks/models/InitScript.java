package io.sluice.databricks.models;

/**
 * An init script; exactly one location is set.
 *
 * @param workspace a workspace file
 * @param volumes a Unity Catalog volume file
 * @param abfss an ADLS Gen2 file
 * @param dbfs a DBFS file (deprecated by Databricks)
 */
public record InitScript(
    StorageLocation workspace,
    StorageLocation volumes,
    StorageLocation abfss,
    StorageLocation dbfs) {
  /**
   * The init script at a path, placed by its scheme.
   *
   * @param path {@code /Volumes/...}, {@code abfss://...}, {@code dbfs:/...} or a workspace path
   * @return the init script
   */
  public static InitScript of(String path) {
    StorageLocation at = new StorageLocation(path);
    if (path.startsWith("/Volumes/")) {
      return new InitScript(null, at, null, null);
    }
    if (path.startsWith("abfss://")) {
      return new InitScript(null, null, at, null);
    }
    if (path.startsWith("dbfs:")) {
      return new InitScript(null, null, null, at);
    }
    return new InitScript(at, null, null, null);
  }
}
