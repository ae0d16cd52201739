package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;

/**
 * A Unity Catalog volume ({@code /Volumes/<catalog>/<schema>/<volume>}), the replacement for DBFS
 * mounts.
 *
 * @param name the datastore name
 * @param catalog the catalog
 * @param schema the schema
 * @param volume the volume
 */
public record UnityCatalogVolumeDatastore(String name, String catalog, String schema, String volume)
    implements Datastore {
  /** Checks every part. */
  public UnityCatalogVolumeDatastore {
    String owner = "UnityCatalogVolumeDatastore '" + name + "'";
    DatastoreNames.check(owner, name);
    ModelChecks.notBlank(owner, "catalog", catalog);
    ModelChecks.notBlank(owner, "schema", schema);
    ModelChecks.notBlank(owner, "volume", volume);
  }

  /**
   * The volume's root path.
   *
   * @return {@code /Volumes/<catalog>/<schema>/<volume>}
   */
  public String root() {
    return "/Volumes/" + catalog + "/" + schema + "/" + volume;
  }
}
