package io.sluice.azureml.datastore;

import io.sluice.azureml.models.BlobFolder;
import io.sluice.core.definition.DatastoreCredentialDefinition;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.definition.SecretReference;
import java.net.URI;

/**
 * A Blob or ADLS Gen2 datastore seen through the Blob API: ADLS Gen2 accounts serve the same
 * containers at their {@code blob} endpoint, so one implementation reads and writes both.
 *
 * @param datastoreName the datastore's name, for messages
 * @param accountName the storage account
 * @param container the container (the file system for ADLS Gen2)
 * @param blobEndpoint the Blob service endpoint, without a trailing slash
 * @param uriPrefix {@code wasbs://container@account.blob.suffix}, {@code
 *     abfss://fs@account.dfs.suffix} or, for a snapshot folder, the container URL
 * @param credential how to authenticate
 */
record BlobLocation(
    String datastoreName,
    String accountName,
    String container,
    String blobEndpoint,
    String uriPrefix,
    DatastoreCredentialDefinition credential) {

  static boolean supports(DatastoreDefinition datastore) {
    return datastore instanceof DatastoreDefinition.AzureBlob
        || datastore instanceof DatastoreDefinition.AdlsGen2;
  }

  static BlobLocation of(DatastoreDefinition datastore) {
    if (datastore instanceof DatastoreDefinition.AzureBlob blob) {
      String container = blob.containerName();
      return new BlobLocation(
          blob.name(),
          blob.accountName(),
          container,
          trimSlash(blob.serviceEndpoint()),
          "wasbs://" + container + "@" + host(blob.accountName(), "blob", blob.endpointSuffix()),
          blob.credential());
    }
    if (datastore instanceof DatastoreDefinition.AdlsGen2 adls) {
      String blobHost = host(adls.accountName(), "blob", adls.endpointSuffix());
      // An explicit DFS endpoint names the blob one (.dfs. → .blob.); an emulator's has neither.
      String endpoint =
          adls.dfsEndpoint() != null
              ? adls.dfsEndpoint().replace(".dfs.", ".blob.")
              : "https://" + blobHost;
      return new BlobLocation(
          adls.name(),
          adls.accountName(),
          adls.fileSystem(),
          trimSlash(endpoint),
          "abfss://"
              + adls.fileSystem()
              + "@"
              + host(adls.accountName(), "dfs", adls.endpointSuffix()),
          adls.credential());
    }
    throw new IllegalArgumentException(
        "Datastore '" + datastore.name() + "' is not an Azure Blob or ADLS Gen2 datastore");
  }

  /**
   * The container of a snapshot folder, named in messages as {@code name}; a folder without a SAS
   * token or account key is read as identity-based access.
   */
  static BlobLocation of(BlobFolder folder, String name) {
    String url = trimSlash(folder.containerUrl());
    int slash = url.lastIndexOf('/');
    if (slash <= url.indexOf("//") + 1) {
      throw new IllegalArgumentException(
          "Container URL '" + url + "' names no container; give https://account.blob.../container");
    }
    String endpoint = url.substring(0, slash);
    DatastoreCredentialDefinition credential =
        folder
            .sasToken()
            .<DatastoreCredentialDefinition>map(
                s -> new DatastoreCredentialDefinition.Sas(new SecretReference(s.reference())))
            .or(
                () ->
                    folder
                        .accountKey()
                        .map(
                            k ->
                                new DatastoreCredentialDefinition.AccountKey(
                                    new SecretReference(k.reference()))))
            .orElseGet(DatastoreCredentialDefinition.Identity::new);
    return new BlobLocation(
        name, accountName(endpoint), url.substring(slash + 1), endpoint, url, credential);
  }

  /** The account: the host's first label, or the first path segment for an emulator. */
  static String accountName(String blobEndpoint) {
    URI uri = URI.create(blobEndpoint);
    String host = uri.getHost();
    if (host != null && host.contains(".blob.")) {
      return host.substring(0, host.indexOf('.'));
    }
    String path = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
    return path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
  }

  private static String host(String account, String service, String suffix) {
    return account + "." + service + "." + suffix;
  }

  /** The platform URI of a path, e.g. {@code wasbs://c@a.blob.core.windows.net/runs/1}. */
  String uri(String path) {
    return uriPrefix + "/" + BlobPaths.normalize(path);
  }

  /** Names the datastore, container and path in messages. */
  String describe(String path) {
    return "datastore '"
        + datastoreName
        + "' (account '"
        + accountName
        + "', container '"
        + container
        + "', path '"
        + BlobPaths.normalize(path)
        + "')";
  }

  private static String trimSlash(String endpoint) {
    return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
  }
}
