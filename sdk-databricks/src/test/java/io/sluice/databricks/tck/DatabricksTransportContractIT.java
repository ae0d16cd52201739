package io.sluice.databricks.tck;

import io.sluice.testing.tck.TransportContract;
import io.sluice.testing.tck.TransportHarness;
import java.nio.file.Path;

/** The {@code databricks} transport keeps the contract, against a fake workspace. */
class DatabricksTransportContractIT extends TransportContract {
  @Override
  protected TransportHarness createHarness(Path workDirectory) {
    return new DatabricksHarness(workDirectory);
  }
}
