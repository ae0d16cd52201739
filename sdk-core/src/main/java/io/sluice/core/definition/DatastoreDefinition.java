package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A named storage location that steps read from and write to. The wire form of the model's
 * datastores; its credential names secrets, never holds them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DatastoreDefinition.AzureBlob.class, name = "azureBlob"),
  @JsonSubTypes.Type(value = DatastoreDefinition.AdlsGen2.class, name = "adlsGen2"),
  @JsonSubTypes.Type(value = DatastoreDefinition.Dbfs.class, name = "dbfs"),
  @JsonSubTypes.Type(
      value = DatastoreDefinition.UnityCatalogVolume.class,
      name = "unityCatalogVolume"),
  @JsonSubTypes.Type(value = DatastoreDefinition.Local.class, name = "local")
})
public sealed interface DatastoreDefinition {

  /** The endpoint suffix of Azure's public cloud. */
  String PUBLIC_CLOUD_SUFFIX = "core.windows.net";

  /**
   * The datastore's name.
   *
   * @return the name, unique within a pipeline
   */
  String name();

  /**
   * An Azure Blob Storage container.
   *
   * @param name the datastore name
   * @param accountName the storage account
   * @param containerName the blob container
   * @param endpointSuffix the endpoint suffix, {@value #PUBLIC_CLOUD_SUFFIX} when absent
   * @param protocol {@code https}, or {@code http} for a local emulator; {@code https} when absent
   * @param blobEndpoint a full blob service endpoint replacing the one built from the parts
   * @param credential how computes authenticate; identity-based access when absent
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AzureBlob(
      String name,
      String accountName,
      String containerName,
      String endpointSuffix,
      String protocol,
      String blobEndpoint,
      DatastoreCredentialDefinition credential)
      implements DatastoreDefinition {
    /** Fills in the defaults. */
    public AzureBlob {
      endpointSuffix = endpointSuffix == null ? PUBLIC_CLOUD_SUFFIX : endpointSuffix;
      protocol = protocol == null ? "https" : protocol;
      credential = credential == null ? new DatastoreCredentialDefinition.Identity() : credential;
    }

    /**
     * The blob service endpoint this datastore uses.
     *
     * @return the endpoint URL, without a trailing slash
     */
    @JsonIgnore
    public String serviceEndpoint() {
      return blobEndpoint != null
          ? blobEndpoint
          : protocol + "://" + accountName + ".blob." + endpointSuffix;
    }
  }

  /**
   * An Azure Data Lake Storage Gen2 file system ({@code abfss://}).
   *
   * @param name the datastore name
   * @param accountName the storage account
   * @param fileSystem the file system (container)
   * @param endpointSuffix the endpoint suffix, {@value #PUBLIC_CLOUD_SUFFIX} when absent
   * @param dfsEndpoint a full DFS endpoint replacing the one built from account and suffix
   * @param credential how computes authenticate; identity-based access when absent
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AdlsGen2(
      String name,
      String accountName,
      String fileSystem,
      String endpointSuffix,
      String dfsEndpoint,
      DatastoreCredentialDefinition credential)
      implements DatastoreDefinition {
    /** Fills in the defaults. */
    public AdlsGen2 {
      endpointSuffix = endpointSuffix == null ? PUBLIC_CLOUD_SUFFIX : endpointSuffix;
      credential = credential == null ? new DatastoreCredentialDefinition.Identity() : credential;
    }
  }

  /**
   * The Databricks File System.
   *
   * @param name the datastore name
   */
  record Dbfs(String name) implements DatastoreDefinition {}

  /**
   * A Unity Catalog volume.
   *
   * @param name the datastore name
   * @param catalog the catalog
   * @param schema the schema
   * @param volume the volume
   */
  record UnityCatalogVolume(String name, String catalog, String schema, String volume)
      implements DatastoreDefinition {
    /**
     * The volume's root path.
     *
     * @return {@code /Volumes/<catalog>/<schema>/<volume>}
     */
    @JsonIgnore
    public String root() {
      return "/Volumes/" + catalog + "/" + schema + "/" + volume;
    }
  }

  /**
   * A folder on the machine that runs the pipeline; a relative path is resolved against the run's
   * working directory.
   *
   * @param name the datastore name
   * @param path the folder
   */
  record Local(String name, String path) implements DatastoreDefinition {}
}
