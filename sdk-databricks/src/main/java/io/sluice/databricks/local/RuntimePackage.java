package io.sluice.databricks.local;

import io.sluice.core.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The {@code sluice_databricks} Python package (the local Databricks runtime: dbutils, path
 * translation, notebook runner) shipped as class path resources, copied out so that a Python
 * process can import it.
 */
final class RuntimePackage {
  /** Where the package's folder is on the class path. */
  static final String RESOURCE_ROOT = "io/sluice/databricks/local/python/";

  static final String PACKAGE = "sluice_databricks";

  private RuntimePackage() {}

  /**
   * Copies the package into {@code target/sluice_databricks}, replacing an older copy.
   *
   * @param target the folder to put on {@code PYTHONPATH}
   * @return {@code target}
   */
  static Path copyTo(Path target) {
    URL location = RuntimePackage.class.getProtectionDomain().getCodeSource().getLocation();
    try {
      Path source = Path.of(location.toURI());
      Path packageFolder = target.resolve(PACKAGE);
      deleteRecursively(packageFolder);
      Files.createDirectories(packageFolder);
      // Built classes come from a folder in the build and from a JAR once installed.
      if (Files.isDirectory(source)) {
        copyFolder(source.resolve(RESOURCE_ROOT + PACKAGE), packageFolder);
      } else {
        copyFromJar(source, packageFolder);
      }
      if (!Files.exists(packageFolder.resolve("__main__.py"))) {
        throw new SluiceException(
            "The local Databricks runtime ("
                + RESOURCE_ROOT
                + PACKAGE
                + ") is missing from "
                + location
                + "; the sluice-databricks artifact is incomplete, use the published JAR unchanged");
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the local Databricks runtime to " + target, e);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new SluiceException(
          "Cannot read the local Databricks runtime from "
              + location
              + "; load sluice-databricks from a JAR or folder on the class path",
          e);
    }
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(RuntimePackage::isSource).toList()) {
        Path copy = to.resolve(from.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void copyFromJar(Path jar, Path to) throws IOException {
    String prefix = RESOURCE_ROOT + PACKAGE + "/";
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.isDirectory()
            || !entry.getName().startsWith(prefix)
            || !isSource(Path.of(entry.getName()))) {
          continue;
        }
        Path copy = to.resolve(entry.getName().substring(prefix.length()));
        Files.createDirectories(copy.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Python sources only: byte code left by a test run in the build folder is not copied. */
  private static boolean isSource(Path file) {
    return file.getFileName().toString().endsWith(".py");
  }

  static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
