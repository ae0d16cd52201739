package io.sluice.examples.tck;

import io.sluice.testing.azurite.AzuriteServer;
import io.sluice.testing.tck.TransportContract;
import io.sluice.testing.tck.TransportHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The {@code orchestrated} transport keeps the contract, its scripts on a fake Azure ML API, its
 * notebooks on a fake Databricks workspace and its data on Azurite. Each test has fakes and a
 * container of its own, so tests run side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
class OrchestratedTransportContractIT extends TransportContract {
  @Override
  protected TransportHarness createHarness(Path workDirectory) {
    return new OrchestratedHarness(workDirectory, AzuriteServer.shared());
  }
}
