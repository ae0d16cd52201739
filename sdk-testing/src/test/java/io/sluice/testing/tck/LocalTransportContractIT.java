package io.sluice.testing.tck;

import java.nio.file.Path;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The {@code local} transport keeps the contract. Each test has a folder of its own, so tests run
 * side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
class LocalTransportContractIT extends TransportContract {
  @Override
  protected TransportHarness createHarness(Path workDirectory) {
    return new LocalHarness(workDirectory);
  }
}
