package io.sluice.azureml.transport;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.AzureMlResourceNotFoundException;
import io.sluice.core.SluiceException;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.SecretReference;
import java.util.function.Function;

/**
 * Registers the definition's blob and ADLS datastores the workspace does not have yet, so that the
 * job's {@code azureml://datastores/<name>/...} URIs resolve. A datastore the workspace already has
 * is left as it is: its registration (and credential) is the workspace owner's.
 */
final class DatastoreRegistration {
  private final AzureMlClient client;
  private final Function<SecretReference, String> secrets;

  /**
   * @param secrets the run's value of a secret reference; fails when the run has none
   */
  DatastoreRegistration(AzureMlClient client, Function<SecretReference, String> secrets) {
    this.client = client;
    this.secrets = secrets;
  }

  void registerMissing(PipelineDefinition definition) {
    for (DatastoreDefinition datastore : definition.datastores()) {
      if (!(datastore instanceof DatastoreDefinition.AzureBlob)
          && !(datastore instanceof DatastoreDefinition.AdlsGen2)) {
        continue;
      }
      try {
        client.getDatastore(datastore.name());
      } catch (AzureMlResourceNotFoundException missing) {
        // The definition holds secret references only; the values come with the run.
        client.createOrUpdateDatastore(datastore, reference -> value(datastore, reference));
      }
    }
  }

  private String value(DatastoreDefinition datastore, SecretReference reference) {
    try {
      return secrets.apply(reference);
    } catch (SluiceException e) {
      throw new AzureMlTransportException(
          "the workspace has no datastore '"
              + datastore.name()
              + "', so the transport registers it, but: "
              + e.getMessage()
              + "; or register the datastore in the workspace first",
          e);
    }
  }
}
