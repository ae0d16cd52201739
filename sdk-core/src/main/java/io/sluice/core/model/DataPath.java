package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;

/**
 * A path on a datastore, as Azure ML's {@code DataPath}.
 *
 * @param datastore the datastore
 * @param pathOnDatastore the path below its root, {@code /}-separated, no leading {@code /}
 */
public record DataPath(Datastore datastore, String pathOnDatastore) implements InputSource {
  /** Checks and normalises the path. */
  public DataPath {
    ModelChecks.check(datastore != null, "DataPath", "datastore", null, "give a datastore");
    ModelChecks.check(
        pathOnDatastore != null && !pathOnDatastore.contains(".."),
        "DataPath",
        "pathOnDatastore",
        pathOnDatastore,
        "give a path below the datastore's root, without '..'");
    pathOnDatastore = pathOnDatastore.replace('\\', '/').replaceAll("^/+", "");
  }

  /**
   * A data path.
   *
   * @param datastore the datastore
   * @param pathOnDatastore the path below its root
   * @return the data path
   */
  public static DataPath of(Datastore datastore, String pathOnDatastore) {
    return new DataPath(datastore, pathOnDatastore);
  }

  @Override
  public String toString() {
    return datastore.name() + ":" + pathOnDatastore;
  }
}
