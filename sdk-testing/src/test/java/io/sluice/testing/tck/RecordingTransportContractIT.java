package io.sluice.testing.tck;

import java.nio.file.Path;

/** The {@code recording} transport keeps the contract, on the real orchestrator. */
class RecordingTransportContractIT extends TransportContract {
  @Override
  protected TransportHarness createHarness(Path workDirectory) {
    return new RecordingHarness(workDirectory);
  }
}
