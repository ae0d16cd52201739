package io.sluice.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A folder of test data kept outside the repository (published API specifications, large samples),
 * so that a fresh clone builds without it and a machine that has it checks more. The folder is
 * named by a system property; without it, by a default relative to the repository root (the nearest
 * folder, from the working directory up, that holds {@code mvnw}). A relative property value is
 * also read from the repository root, since each module's tests run in their own folder.
 *
 * <p>A missing folder skips the test that needs it with one line naming the property to set; under
 * the environment variable {@code CI=true} it fails the test instead, so a build server never
 * passes by silently checking less.
 *
 * <pre>{@code
 * static final ExternalFolder SPECS = ExternalFolder.of("myproject.specs.dir", "../specs");
 *
 * Path spec = SPECS.require("openapi.json"); // skipped, or failed under CI=true, when absent
 * }</pre>
 */
public final class ExternalFolder {
  private final String property;
  private final Path path;
  private final boolean ci;

  private ExternalFolder(String property, Path path, boolean ci) {
    this.property = property;
    this.path = path;
    this.ci = ci;
  }

  /**
   * The folder named by a system property, else by a default.
   *
   * @param property the system property naming the folder, e.g. {@code sluice.specs.dir}
   * @param defaultFromRoot the folder when the property is unset, relative to the repository root
   * @return the folder, which may not exist
   */
  public static ExternalFolder of(String property, String defaultFromRoot) {
    return of(
        property,
        defaultFromRoot,
        System::getProperty,
        System.getenv(),
        Path.of("").toAbsolutePath());
  }

  /** The same as {@link #of(String, String)}, with the process state given, for tests. */
  static ExternalFolder of(
      String property,
      String defaultFromRoot,
      UnaryOperator<String> systemProperties,
      Map<String, String> environment,
      Path workingDirectory) {
    String value = systemProperties.apply(property);
    Path root = repositoryRoot(workingDirectory);
    Path folder =
        root.resolve(value == null || value.isBlank() ? defaultFromRoot : value).normalize();
    return new ExternalFolder(property, folder, "true".equalsIgnoreCase(environment.get("CI")));
  }

  private static Path repositoryRoot(Path workingDirectory) {
    for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    return workingDirectory;
  }

  /** Returns the absolute folder, which may not exist. */
  public Path path() {
    return path;
  }

  /**
   * A file or folder inside, for a test that checks behaviour of its own and only adds a check when
   * the data is there.
   *
   * @param relative the path inside the folder
   * @return the path if it exists; empty if not
   * @throws org.opentest4j.AssertionFailedError if it is missing under {@code CI=true}
   */
  public Optional<Path> find(String relative) {
    Path file = path.resolve(relative);
    if (Files.exists(file)) {
      return Optional.of(file);
    }
    if (ci) {
      Assertions.fail(
          missing(file)
              + "; CI=true, so the check may not be skipped: run with -D"
              + property
              + "=<folder>");
    }
    return Optional.empty();
  }

  /**
   * A file or folder inside, for a test that needs it.
   *
   * @param relative the path inside the folder
   * @return the path, which exists
   * @throws org.opentest4j.TestAbortedException if it is missing, which skips the test
   * @throws org.opentest4j.AssertionFailedError if it is missing under {@code CI=true}
   */
  public Path require(String relative) {
    return find(relative)
        .orElseGet(
            () ->
                Assumptions.abort(
                    missing(path.resolve(relative))
                        + "; skipped: run with -D"
                        + property
                        + "=<folder> to enable it"));
  }

  private static String missing(Path file) {
    return file + " not found";
  }
}
