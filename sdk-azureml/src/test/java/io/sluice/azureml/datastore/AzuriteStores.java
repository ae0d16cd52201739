package io.sluice.azureml.datastore;

import io.sluice.core.compiler.ModelTranslation;
import io.sluice.core.definition.DatastoreCredentialDefinition;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.testing.azurite.AzuriteServer;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh container per test, so tests never see each other's blobs. */
final class AzuriteStores {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private AzuriteStores() {}

  static DatastoreDefinition.AzureBlob fresh(AzuriteServer azurite) {
    String container = "test-" + NEXT.incrementAndGet() + "-" + ProcessHandle.current().pid();
    azurite.createContainer(container);
    return existing(azurite, "store_" + NEXT.get(), container);
  }

  /** The definition of an Azurite container, which may not exist. */
  static DatastoreDefinition.AzureBlob existing(
      AzuriteServer azurite, String name, String container) {
    return (DatastoreDefinition.AzureBlob)
        ModelTranslation.datastore(azurite.datastore(name, container));
  }

  /** The same container reached with another credential. */
  static DatastoreDefinition.AzureBlob withCredential(
      DatastoreDefinition.AzureBlob store, DatastoreCredentialDefinition credential) {
    return store.toBuilder().credential(credential).build();
  }
}
