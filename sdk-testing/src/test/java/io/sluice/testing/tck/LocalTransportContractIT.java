package io.sluice.testing.tck;

import java.nio.file.Path;

/** The {@code local} transport keeps the contract. */
class LocalTransportContractIT extends TransportContract {
  @Override
  protected TransportHarness createHarness(Path workDirectory) {
    return new LocalHarness(workDirectory);
  }
}
