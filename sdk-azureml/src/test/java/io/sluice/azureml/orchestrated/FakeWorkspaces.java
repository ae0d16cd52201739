package io.sluice.azureml.orchestrated;

import io.sluice.azureml.ArmMock;
import io.sluice.azureml.models.BlobFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Points the orchestrated Azure ML executor of this JVM at a stand-in ARM, such as {@code
 * FakeAzureMl}.
 */
public final class FakeWorkspaces {
  private FakeWorkspaces() {}

  /**
   * Makes every Azure ML client of the executor talk to this URL as {@link ArmMock#WORKSPACE}.
   *
   * @param armUrl the stand-in's base URL
   */
  public static void pointAt(String armUrl) {
    pointAt(armUrl, new ArrayList<>());
  }

  /**
   * Makes every Azure ML client of the executor talk to this URL as {@link ArmMock#WORKSPACE},
   * noting each upload of a step's files.
   *
   * @param armUrl the stand-in's base URL
   * @param uploads where each upload (its folder and its files by name) is added
   */
  public static void pointAt(
      String armUrl, List<Map.Entry<BlobFolder, SortedMap<String, Path>>> uploads) {
    AzureMlClients.use(context -> ArmMock.builder(armUrl, uploads).buildClient());
  }

  /** Restores the executor's own way of making clients. */
  public static void reset() {
    AzureMlClients.use(null);
  }
}
