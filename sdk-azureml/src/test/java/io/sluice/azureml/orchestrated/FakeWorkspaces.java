package io.sluice.azureml.orchestrated;

import io.sluice.azureml.ArmMock;
import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.models.BlobFolder;
import io.sluice.core.spi.StepContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Points the orchestrated Azure ML executor of this JVM at stand-in ARMs, such as {@code
 * FakeAzureMl}, one per run base directory, so that tests running side by side each reach their
 * own.
 */
public final class FakeWorkspaces {
  private static final Map<Path, Target> BY_BASE = new ConcurrentHashMap<>();

  private FakeWorkspaces() {}

  /** A stand-in's URL, and where uploads of step files to it are noted. */
  private record Target(
      String armUrl, List<Map.Entry<BlobFolder, SortedMap<String, Path>>> uploads) {}

  /**
   * Makes the Azure ML clients of the steps of runs whose base directory is {@code baseDirectory}
   * talk to this URL as {@link ArmMock#WORKSPACE}.
   *
   * @param baseDirectory the orchestrated transport's base directory
   * @param armUrl the stand-in's base URL
   */
  public static void pointAt(Path baseDirectory, String armUrl) {
    pointAt(baseDirectory, armUrl, new ArrayList<>());
  }

  /**
   * Makes the Azure ML clients of the steps of runs whose base directory is {@code baseDirectory}
   * talk to this URL as {@link ArmMock#WORKSPACE}, noting each upload of a step's files.
   *
   * @param baseDirectory the orchestrated transport's base directory
   * @param armUrl the stand-in's base URL
   * @param uploads where each upload (its folder and its files by name) is added
   */
  public static void pointAt(
      Path baseDirectory,
      String armUrl,
      List<Map.Entry<BlobFolder, SortedMap<String, Path>>> uploads) {
    BY_BASE.put(key(baseDirectory), new Target(armUrl, uploads));
    AzureMlClients.use(FakeWorkspaces::client);
  }

  /**
   * Forgets the stand-in of a base directory.
   *
   * @param baseDirectory the base directory given to {@code pointAt}
   */
  public static void release(Path baseDirectory) {
    BY_BASE.remove(key(baseDirectory));
  }

  private static AzureMlClient client(StepContext context) {
    Target target = BY_BASE.get(key(context.baseDirectory()));
    if (target == null) {
      throw new IllegalStateException(
          "No stand-in ARM for runs in " + context.baseDirectory() + "; call pointAt first");
    }
    return ArmMock.builder(target.armUrl(), target.uploads()).buildClient();
  }

  private static Path key(Path baseDirectory) {
    return baseDirectory.toAbsolutePath().normalize();
  }
}
