package io.sluice.examples.tck;

import io.sluice.testing.azurite.AzuriteServer;
import io.sluice.testing.tck.TransportContract;
import io.sluice.testing.tck.TransportHarness;
import java.nio.file.Path;

/**
 * The {@code orchestrated} transport keeps the contract, its scripts on a fake Azure ML API, its
 * notebooks on a fake Databricks workspace and its data on Azurite.
 */
class OrchestratedTransportContractIT extends TransportContract {
  @Override
  protected TransportHarness createHarness(Path workDirectory) {
    return new OrchestratedHarness(workDirectory, AzuriteServer.shared());
  }
}
