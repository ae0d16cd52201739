package io.sluice.testing.tck;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport compatibility kit: extend this class in a JUnit 5 test and return a harness for the
 * transport under test; every contract test then runs against it.
 *
 * <pre>{@code
 * class MyTransportContractTest extends TransportContract {
 *   @Override
 *   protected TransportHarness createHarness(Path workDirectory) {
 *     return new MyTransportHarness(workDirectory);
 *   }
 * }
 * }</pre>
 *
 * <p>The contract, part by part: {@link ParameterContract}, {@link DataContract}, {@link
 * InvocationContract}, {@link FailureContract}, {@link DuplicateRunContract}, {@link
 * CancelContract}, {@link EventContract}, {@link DefinitionContract} and {@link SecretContract}.
 */
public abstract class TransportContract
    implements ParameterContract,
        DataContract,
        InvocationContract,
        FailureContract,
        DuplicateRunContract,
        CancelContract,
        EventContract,
        DefinitionContract,
        SecretContract {

  @TempDir private Path workDirectory;
  private TransportHarness harness;
  private ContractFixture fixture;

  /**
   * Makes the harness for one test.
   *
   * @param workDirectory an empty folder for this test
   * @return the harness; the kit closes it after the test
   */
  protected abstract TransportHarness createHarness(Path workDirectory);

  @BeforeEach
  final void openHarness() {
    harness = createHarness(workDirectory);
    fixture = new ContractFixture(harness);
  }

  @AfterEach
  final void closeHarness() {
    harness.close();
  }

  @Override
  public final ContractFixture fixture() {
    return fixture;
  }
}
