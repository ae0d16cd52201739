package io.sluice.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Databricks File System, usable only as input or output of a {@link DatabricksStep} (as in
 * Azure ML v1).
 *
 * @param name the datastore name
 */
public record DbfsDatastore(String name) implements Datastore {
  /** Checks the name. */
  @JsonCreator
  public DbfsDatastore(@JsonProperty("name") String name) {
    DatastoreNames.check("DbfsDatastore", name);
    this.name = name;
  }

  /**
   * A DBFS datastore.
   *
   * @param name the datastore name
   * @return the datastore
   */
  public static DbfsDatastore of(String name) {
    return new DbfsDatastore(name);
  }
}
