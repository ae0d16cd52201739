package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;

/**
 * A folder on the machine that runs the pipeline. A relative path is resolved against the run's
 * working directory.
 *
 * @param name the datastore name
 * @param path the folder
 */
public record LocalDatastore(String name, String path) implements Datastore {
  /** Checks name and path. */
  public LocalDatastore {
    String owner = "LocalDatastore '" + name + "'";
    DatastoreNames.check(owner, name);
    ModelChecks.notBlank(owner, "path", path);
  }

  /**
   * A local datastore.
   *
   * @param name the datastore name
   * @param path the folder
   * @return the datastore
   */
  public static LocalDatastore of(String name, String path) {
    return new LocalDatastore(name, path);
  }
}
