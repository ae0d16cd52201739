package io.sluice.azureml.tck;

import io.sluice.testing.tck.TransportContract;
import io.sluice.testing.tck.TransportHarness;
import java.nio.file.Path;

/** The {@code azureml} transport keeps the contract, against a fake workspace. */
class AzureMlTransportContractIT extends TransportContract {
  @Override
  protected TransportHarness createHarness(Path workDirectory) {
    return new AzureMlHarness(workDirectory);
  }
}
