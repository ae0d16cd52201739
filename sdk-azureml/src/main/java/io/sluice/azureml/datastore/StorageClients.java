package io.sluice.azureml.datastore;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.logging.ClientLogger;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.sluice.core.ConfigurationException;
import io.sluice.core.definition.DatastoreCredentialDefinition;
import io.sluice.core.definition.SecretReference;
import java.util.List;
import java.util.function.Function;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds Blob container clients, all on one OkHttp client, and runs storage calls so that every
 * failure leaves as a typed, secret-free {@link DatastoreException}: datastore I/O and snapshot
 * uploads share this one path to storage.
 */
final class StorageClients {
  private static final ClientLogger LOGGER = new ClientLogger(StorageClients.class);

  /**
   * OkHttp queues asynchronous calls beyond 5 per host by default; parallel transfers to one
   * storage account need more than that in flight.
   */
  private static final int MAX_REQUESTS = 64;

  private final HttpClient httpClient;
  private final TokenCredential tokenCredential;
  private final List<HttpPipelinePolicy> policies;

  StorageClients(TokenCredential tokenCredential, List<HttpPipelinePolicy> policies) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(MAX_REQUESTS);
    dispatcher.setMaxRequestsPerHost(MAX_REQUESTS);
    // Built explicitly so that storage never runs on another HttpClientProvider found on the path.
    this.httpClient =
        new OkHttpAsyncHttpClientBuilder(new OkHttpClient.Builder().dispatcher(dispatcher).build())
            .build();
    this.tokenCredential = tokenCredential;
    this.policies = List.copyOf(policies);
  }

  /**
   * Runs an operation on the location's container and turns any failure into a typed, secret-free
   * exception; argument errors (a bad path) pass unchanged.
   */
  <T> T run(
      BlobLocation location,
      Function<String, String> secrets,
      String action,
      String path,
      Function<BlobContainerClient, T> operation) {
    BlobContainerClient container = container(location, secrets);
    StorageErrors errors = StorageErrors.of(location, secrets);
    try {
      return operation.apply(container);
    } catch (IllegalArgumentException e) {
      throw LOGGER.logExceptionAsError(e);
    } catch (RuntimeException e) {
      throw LOGGER.logExceptionAsError(errors.translate(e, action, path));
    }
  }

  /** A client for the location's container, authenticated as its credential says. */
  BlobContainerClient container(BlobLocation location, Function<String, String> secrets) {
    BlobServiceClientBuilder builder =
        new BlobServiceClientBuilder().endpoint(location.blobEndpoint()).httpClient(httpClient);
    policies.forEach(builder::addPolicy);
    DatastoreCredentialDefinition credential = location.credential();
    if (credential instanceof DatastoreCredentialDefinition.AccountKey key) {
      builder.credential(
          new StorageSharedKeyCredential(
              location.accountName(), value(key.key(), location, secrets)));
    } else if (credential instanceof DatastoreCredentialDefinition.Sas sas) {
      String token = value(sas.token(), location, secrets);
      builder.sasToken(token.startsWith("?") ? token.substring(1) : token);
    } else if (tokenCredential != null
        && credential instanceof DatastoreCredentialDefinition.Identity) {
      builder.credential(tokenCredential);
    } else {
      throw new ConfigurationException(
          "Datastore '"
              + location.datastoreName()
              + "' uses "
              + (credential instanceof DatastoreCredentialDefinition.Identity
                  ? "identity-based access"
                  : "a service principal")
              + ", which this machine reads with an Azure TokenCredential: create the datastore"
              + " I/O with new BlobDatastoreIo(credential) (e.g. azure-identity's"
              + " DefaultAzureCredential or ClientSecretCredential in your application), or give"
              + " the datastore an account key or SAS secret");
    }
    return builder.buildClient().getBlobContainerClient(location.container());
  }

  /** The secret's value, as the run's resolver gives it. */
  static String value(
      SecretReference secret, BlobLocation location, Function<String, String> secrets) {
    String value = secrets == null ? null : secrets.apply(secret.reference());
    if (value == null || value.isEmpty()) {
      throw new ConfigurationException(
          "Datastore '"
              + location.datastoreName()
              + "' needs secret '"
              + secret.reference()
              + "', which has no value on this machine; pass it with the run's secrets"
              + " or, for an env: reference, set that environment variable");
    }
    return value;
  }
}
