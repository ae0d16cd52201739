package io.sluice.azureml.datastore;

import io.sluice.core.model.AdlsGen2Datastore;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.DatastoreCredential;

/**
 * A Blob or ADLS Gen2 datastore seen through the Blob API: ADLS Gen2 accounts serve the same
 * containers at their {@code blob} endpoint, so one implementation reads and writes both.
 *
 * @param datastoreName the datastore's name, for messages
 * @param accountName the storage account
 * @param container the container (the file system for ADLS Gen2)
 * @param blobEndpoint the Blob service endpoint, without a trailing slash
 * @param uriPrefix {@code wasbs://container@account.blob.suffix} or {@code
 *     abfss://fs@account.dfs.suffix}
 * @param credential how to authenticate
 */
record BlobLocation(
    String datastoreName,
    String accountName,
    String container,
    String blobEndpoint,
    String uriPrefix,
    DatastoreCredential credential) {

  static boolean supports(Datastore datastore) {
    return datastore instanceof AzureBlobDatastore || datastore instanceof AdlsGen2Datastore;
  }

  static BlobLocation of(Datastore datastore) {
    if (datastore instanceof AzureBlobDatastore blob) {
      String container = blob.containerName();
      return new BlobLocation(
          blob.name(),
          blob.accountName(),
          container,
          trimSlash(blob.serviceEndpoint()),
          "wasbs://" + container + "@" + host(blob.accountName(), "blob", blob.endpointSuffix()),
          blob.credential());
    }
    if (datastore instanceof AdlsGen2Datastore adls) {
      String blobHost = host(adls.accountName(), "blob", adls.endpointSuffix());
      // An explicit DFS endpoint names the blob one (.dfs. → .blob.); an emulator's has neither.
      String endpoint =
          adls.dfsEndpoint().map(e -> e.replace(".dfs.", ".blob.")).orElse("https://" + blobHost);
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
