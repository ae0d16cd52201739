package io.sluice.testing.tck;

/**
 * The one thing every part of the contract needs: the fixture of the current test. {@link
 * TransportContract} supplies it.
 */
public interface ContractTests {
  /**
   * The current test's fixture.
   *
   * @return the fixture
   */
  ContractFixture fixture();
}
