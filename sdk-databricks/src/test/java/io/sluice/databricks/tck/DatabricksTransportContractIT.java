package io.sluice.databricks.tck;

import io.sluice.testing.tck.TransportContract;
import io.sluice.testing.tck.TransportHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The {@code databricks} transport keeps the contract, against a fake workspace. Each test has a
 * workspace of its own, so tests run side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
class DatabricksTransportContractIT extends TransportContract {
  @Override
  protected TransportHarness createHarness(Path workDirectory) {
    return new DatabricksHarness(workDirectory);
  }
}
