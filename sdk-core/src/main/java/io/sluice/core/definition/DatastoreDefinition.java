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

    /**
     * Starts a datastore with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * Starts a copy of this datastore, to change some of its values.
     *
     * @return a new builder holding this datastore's values
     */
    public Builder toBuilder() {
      return new Builder(this);
    }

    /** Builds an {@link AzureBlob}; a value left unset is null, or empty for a collection. */
    public static final class Builder {
      private String name;
      private String accountName;
      private String containerName;
      private String endpointSuffix;
      private String protocol;
      private String blobEndpoint;
      private DatastoreCredentialDefinition credential;

      private Builder() {}

      private Builder(AzureBlob store) {
        name = store.name;
        accountName = store.accountName;
        containerName = store.containerName;
        endpointSuffix = store.endpointSuffix;
        protocol = store.protocol;
        blobEndpoint = store.blobEndpoint;
        credential = store.credential;
      }

      /**
       * Sets the datastore name.
       *
       * @param name the datastore name
       * @return this builder
       */
      public Builder name(String name) {
        this.name = name;
        return this;
      }

      /**
       * Sets the storage account.
       *
       * @param accountName the storage account
       * @return this builder
       */
      public Builder accountName(String accountName) {
        this.accountName = accountName;
        return this;
      }

      /**
       * Sets the blob container.
       *
       * @param containerName the blob container
       * @return this builder
       */
      public Builder containerName(String containerName) {
        this.containerName = containerName;
        return this;
      }

      /**
       * Sets the endpoint suffix, {@value #PUBLIC_CLOUD_SUFFIX} when absent.
       *
       * @param endpointSuffix the endpoint suffix, {@value #PUBLIC_CLOUD_SUFFIX} when absent
       * @return this builder
       */
      public Builder endpointSuffix(String endpointSuffix) {
        this.endpointSuffix = endpointSuffix;
        return this;
      }

      /**
       * Sets {@code https}, or {@code http} for a local emulator.
       *
       * @param protocol {@code https}, or {@code http} for a local emulator; {@code https} when
       *     absent
       * @return this builder
       */
      public Builder protocol(String protocol) {
        this.protocol = protocol;
        return this;
      }

      /**
       * Sets a full blob service endpoint replacing the one built from the parts.
       *
       * @param blobEndpoint a full blob service endpoint replacing the one built from the parts
       * @return this builder
       */
      public Builder blobEndpoint(String blobEndpoint) {
        this.blobEndpoint = blobEndpoint;
        return this;
      }

      /**
       * Sets how computes authenticate.
       *
       * @param credential how computes authenticate; identity-based access when absent
       * @return this builder
       */
      public Builder credential(DatastoreCredentialDefinition credential) {
        this.credential = credential;
        return this;
      }

      /**
       * Builds the datastore.
       *
       * @return a new datastore
       */
      public AzureBlob build() {
        return new AzureBlob(
            name, accountName, containerName, endpointSuffix, protocol, blobEndpoint, credential);
      }
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

    /**
     * Starts a datastore with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds an {@link AdlsGen2}; a value left unset is null, or empty for a collection. */
    public static final class Builder {
      private String name;
      private String accountName;
      private String fileSystem;
      private String endpointSuffix;
      private String dfsEndpoint;
      private DatastoreCredentialDefinition credential;

      private Builder() {}

      /**
       * Sets the datastore name.
       *
       * @param name the datastore name
       * @return this builder
       */
      public Builder name(String name) {
        this.name = name;
        return this;
      }

      /**
       * Sets the storage account.
       *
       * @param accountName the storage account
       * @return this builder
       */
      public Builder accountName(String accountName) {
        this.accountName = accountName;
        return this;
      }

      /**
       * Sets the file system (container).
       *
       * @param fileSystem the file system (container)
       * @return this builder
       */
      public Builder fileSystem(String fileSystem) {
        this.fileSystem = fileSystem;
        return this;
      }

      /**
       * Sets the endpoint suffix, {@value #PUBLIC_CLOUD_SUFFIX} when absent.
       *
       * @param endpointSuffix the endpoint suffix, {@value #PUBLIC_CLOUD_SUFFIX} when absent
       * @return this builder
       */
      public Builder endpointSuffix(String endpointSuffix) {
        this.endpointSuffix = endpointSuffix;
        return this;
      }

      /**
       * Sets a full DFS endpoint replacing the one built from account and suffix.
       *
       * @param dfsEndpoint a full DFS endpoint replacing the one built from account and suffix
       * @return this builder
       */
      public Builder dfsEndpoint(String dfsEndpoint) {
        this.dfsEndpoint = dfsEndpoint;
        return this;
      }

      /**
       * Sets how computes authenticate.
       *
       * @param credential how computes authenticate; identity-based access when absent
       * @return this builder
       */
      public Builder credential(DatastoreCredentialDefinition credential) {
        this.credential = credential;
        return this;
      }

      /**
       * Builds the datastore.
       *
       * @return a new datastore
       */
      public AdlsGen2 build() {
        return new AdlsGen2(name, accountName, fileSystem, endpointSuffix, dfsEndpoint, credential);
      }
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
