package io.sluice.azureml.orchestrated;

import io.sluice.azureml.ArmMock;
import java.util.ArrayList;

/** Points the orchestrated Azure ML executor of this JVM at a stand-in ARM, such as {@code FakeAzureMl}. */
public final class FakeWorkspaces {
  private FakeWorkspaces() {}

  /**
   * Makes every Azure ML client of the executor talk to this URL as {@link ArmMock#WORKSPACE}.
   *
   * @param armUrl the stand-in's base URL
   */
  public static void pointAt(String armUrl) {
    AzureMlClients.use(context -> ArmMock.builder(armUrl, new ArrayList<>()).buildClient());
  }

  /** Restores the executor's own way of making clients. */
  public static void reset() {
    AzureMlClients.use(null);
  }
}
