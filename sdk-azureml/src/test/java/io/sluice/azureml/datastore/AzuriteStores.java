package io.sluice.azureml.datastore;

import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.testing.azurite.AzuriteServer;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh container per test, so tests never see each other's blobs. */
final class AzuriteStores {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private AzuriteStores() {}

  static AzureBlobDatastore fresh(AzuriteServer azurite) {
    String container = "test-" + NEXT.incrementAndGet() + "-" + ProcessHandle.current().pid();
    azurite.createContainer(container);
    return azurite.datastore("store_" + NEXT.get(), container);
  }
}
