package io.sluice.azureml.transport;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.AzureMlResourceNotFoundException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.AdlsGen2Datastore;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Registers the definition's blob and ADLS datastores the workspace does not have yet, so that
 * the job's {@code azureml://datastores/<name>/...} URIs resolve. A datastore the workspace already
 * has is left as it is: its registration (and credential) is the workspace owner's.
 */
final class DatastoreRegistration {
  private final AzureMlClient client;
  private final Function<String, Secret> secrets;

  /**
   * @param secrets the run's secret by reference, or null when the run has no value for it
   */
  DatastoreRegistration(AzureMlClient client, Function<String, Secret> secrets) {
    this.client = client;
    this.secrets = secrets;
  }

  static DatastoreRegistration of(AzureMlClient client, List<Secret> given) {
    Map<String, Secret> byReference = new HashMap<>();
    given.forEach(s -> byReference.put(s.reference(), s));
    return new DatastoreRegistration(client, byReference::get);
  }

  void registerMissing(PipelineDefinition definition) {
    for (Datastore datastore : definition.datastores()) {
      if (!(datastore instanceof AzureBlobDatastore) && !(datastore instanceof AdlsGen2Datastore)) {
        continue;
      }
      try {
        client.getDatastore(datastore.name());
      } catch (AzureMlResourceNotFoundException missing) {
        client.createOrUpdateDatastore(withSecretValues(datastore));
      }
    }
  }

  /** The definition holds secret references only; the values come with the run's options. */
  private Datastore withSecretValues(Datastore datastore) {
    if (datastore instanceof AzureBlobDatastore blob) {
      return AzureBlobDatastore.builder().from(blob).credential(resolve(blob.credential())).build();
    }
    AdlsGen2Datastore adls = (AdlsGen2Datastore) datastore;
    return AdlsGen2Datastore.builder().from(adls).credential(resolve(adls.credential())).build();
  }

  private DatastoreCredential resolve(DatastoreCredential credential) {
    if (credential instanceof DatastoreCredential.AccountKey key) {
      return new DatastoreCredential.AccountKey(resolve(key.key()));
    } else if (credential instanceof DatastoreCredential.Sas sas) {
      return new DatastoreCredential.Sas(resolve(sas.token()));
    } else if (credential instanceof DatastoreCredential.ServicePrincipal sp) {
      return new DatastoreCredential.ServicePrincipal(sp.tenantId(), sp.clientId(),
          resolve(sp.clientSecret()));
    }
    return credential;
  }

  private Secret resolve(Secret secret) {
    if (secret.value().isPresent()) {
      return secret;
    }
    Secret given = secrets.apply(secret.reference());
    if (given == null || given.value().isEmpty()) {
      throw new AzureMlTransportException("the workspace has no datastore for secret '"
          + secret.reference() + "', and the run was given no value for it; pass it with"
          + " RunOptions.builder().addSecrets(Secret.of(\"" + secret.reference() + "\", value)),"
          + " or register the datastore in the workspace first");
    }
    return given;
  }
}
