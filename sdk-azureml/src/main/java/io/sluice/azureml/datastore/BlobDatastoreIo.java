package io.sluice.azureml.datastore;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.logging.ClientLogger;
import com.azure.storage.blob.BlobContainerClient;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.spi.DatastoreIo;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads and writes Azure Blob Storage and ADLS Gen2 datastores (the latter through their Blob
 * endpoint) with azure-storage-blob over OkHttp, transferring files in parallel.
 *
 * <p>A folder counts as complete only while its {@code _SUCCESS} marker blob exists: uploads delete
 * the marker first and write it last, and {@link #download} and {@link #contentHash} refuse a
 * folder without it with {@link IncompleteDataException}. A top-level local file named {@code
 * _SUCCESS} is not uploaded, and the marker is not downloaded.
 *
 * <p>Account keys and SAS tokens come from the datastore's {@link io.sluice.core.model.Secret}s;
 * identity-based access needs a {@link TokenCredential} given to {@link
 * #BlobDatastoreIo(TokenCredential)}. Failures are {@link DatastoreException}s that name the
 * datastore, container and path and never contain a secret value.
 */
public final class BlobDatastoreIo implements DatastoreIo {
  private static final ClientLogger LOGGER = new ClientLogger(BlobDatastoreIo.class);

  private final StorageClients clients;

  /**
   * The instance {@link java.util.ServiceLoader} creates: account keys and SAS tokens work,
   * identity-based access fails with a message saying to pass a credential.
   */
  public BlobDatastoreIo() {
    this(null, List.of());
  }

  /**
   * An instance that uses a credential for datastores with identity-based access.
   *
   * @param credential e.g. azure-identity's {@code DefaultAzureCredential}
   * @throws NullPointerException if {@code credential} is null
   */
  public BlobDatastoreIo(TokenCredential credential) {
    this(Objects.requireNonNull(credential, "'credential' cannot be null."), List.of());
  }

  BlobDatastoreIo(TokenCredential credential, List<HttpPipelinePolicy> policies) {
    this.clients = new StorageClients(credential, policies);
  }

  @Override
  public boolean supports(DatastoreDefinition datastore) {
    return BlobLocation.supports(datastore);
  }

  @Override
  public String uri(DatastoreDefinition datastore, String path) {
    return BlobLocation.of(datastore).uri(path);
  }

  @Override
  public void download(
      DatastoreDefinition datastore, String path, Path target, Function<String, String> secrets) {
    run(
        datastore,
        path,
        secrets,
        "download",
        tree -> {
          new BlobDownload(tree).download(target);
          return null;
        });
  }

  @Override
  public void upload(
      Path source, DatastoreDefinition datastore, String path, Function<String, String> secrets) {
    run(
        datastore,
        path,
        secrets,
        "upload to",
        tree -> {
          new BlobUpload(tree).upload(source);
          LOGGER.info("Uploaded {} to {}", source, tree.location().describe(path));
          return null;
        });
  }

  @Override
  public String contentHash(
      DatastoreDefinition datastore, String path, Function<String, String> secrets) {
    return run(
        datastore,
        path,
        secrets,
        "hash",
        tree -> {
          BlobTree.Snapshot snapshot = tree.snapshot("hash");
          tree.recheck(snapshot);
          return BlobTree.hash(snapshot.entries());
        });
  }

  /** The container client of a datastore, for checks on how it is built. */
  BlobContainerClient containerClient(
      DatastoreDefinition datastore, Function<String, String> secrets) {
    return clients.container(BlobLocation.of(datastore), secrets);
  }

  /** Runs an operation on the path's blobs; failures leave as typed, secret-free exceptions. */
  private <T> T run(
      DatastoreDefinition datastore,
      String path,
      Function<String, String> secrets,
      String action,
      Function<BlobTree, T> operation) {
    BlobLocation location = BlobLocation.of(datastore);
    return clients.run(
        location,
        secrets,
        action,
        path,
        container -> operation.apply(new BlobTree(container, location, path)));
  }
}
