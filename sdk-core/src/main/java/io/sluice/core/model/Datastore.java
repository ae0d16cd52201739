package io.sluice.core.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A named storage location that steps read from and write to, as in Azure ML. Names follow Azure
 * ML's rule: lower-case letters, digits and underscores.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ImmutableAzureBlobDatastore.class, name = "azureBlob"),
  @JsonSubTypes.Type(value = ImmutableAdlsGen2Datastore.class, name = "adlsGen2"),
  @JsonSubTypes.Type(value = DbfsDatastore.class, name = "dbfs"),
  @JsonSubTypes.Type(value = UnityCatalogVolumeDatastore.class, name = "unityCatalogVolume"),
  @JsonSubTypes.Type(value = LocalDatastore.class, name = "local")
})
public sealed interface Datastore
    permits AzureBlobDatastore,
        AdlsGen2Datastore,
        DbfsDatastore,
        UnityCatalogVolumeDatastore,
        LocalDatastore {

  /**
   * The datastore's name.
   *
   * @return the name, unique within a pipeline
   */
  String name();

  /**
   * A location on this datastore.
   *
   * @param pathOnDatastore the path below the datastore's root, with {@code /} separators
   * @return the data path
   */
  default DataPath path(String pathOnDatastore) {
    return DataPath.of(this, pathOnDatastore);
  }
}
