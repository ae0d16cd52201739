package io.sluice.testing.azurite;

import io.sluice.core.ConfigurationException;
import io.sluice.core.SluiceException;
import io.sluice.core.implementation.CacheLock;
import io.sluice.testing.process.ProcessTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Installs the Azurite npm package once into a cache folder shared by builds and worktrees.
 *
 * <p>npm writes into a fresh temporary folder that is renamed to its final name only after npm
 * succeeded: the final folder therefore either does not exist or holds a complete install, and an
 * install killed half-way leaves only a temporary folder that the next run deletes.
 */
final class AzuriteInstaller {
  static final String VERSION = "3.37.0";
  private static final String BLOB_MAIN = "node_modules/azurite/dist/src/blob/main.js";
  private static final long INSTALL_MINUTES = 10;

  private final Path cacheDir;
  private final String npm;

  AzuriteInstaller(Path cacheDir, String npm) {
    this.cacheDir = cacheDir;
    this.npm = npm;
  }

  /** The installer for this machine: cache from {@code sluice.cache.dir}, npm from the PATH. */
  static AzuriteInstaller forThisMachine() {
    String configured = System.getProperty("sluice.cache.dir");
    Path cache =
        configured == null || configured.isBlank()
            ? Paths.get(System.getProperty("user.home"), ".cache", "sluice")
            : Paths.get(configured);
    return new AzuriteInstaller(cache, npm());
  }

  /** On Windows npm is a {@code .cmd} script. */
  private static String npm() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    return windows ? "npm.cmd" : "npm";
  }

  /**
   * The installed {@code azurite-blob} entry script, installing Azurite first when needed.
   *
   * @return the script to run with node
   */
  Path blobMain() {
    Path home = cacheDir.resolve("azurite-" + VERSION);
    try {
      Files.createDirectories(cacheDir);
      // Other JVMs (parallel module builds, other worktrees) may install at the same moment.
      CacheLock.holding(
          cacheDir.resolve("azurite-" + VERSION + ".lock"),
          () -> {
            if (!Files.isRegularFile(home.resolve(BLOB_MAIN))) {
              install(home);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Could not install Azurite into " + home, e);
    }
    return home.resolve(BLOB_MAIN);
  }

  private void install(Path home) throws IOException {
    deleteLeftovers(home);
    Path staging = Files.createTempDirectory(cacheDir, "azurite-" + VERSION + ".partial-");
    Path log = cacheDir.resolve("azurite-" + VERSION + "-npm.log");
    List<String> command = new ArrayList<>(List.of(npm, "install", "--prefix", staging.toString()));
    command.addAll(
        List.of(
            "azurite@" + VERSION, "--save-exact", "--no-audit", "--no-fund", "--loglevel=error"));
    int exit = run(command, log);
    if (exit != 0 || !Files.isRegularFile(staging.resolve(BLOB_MAIN))) {
      ProcessTools.deleteTree(staging);
      throw new SluiceException(
          "npm could not install azurite@"
              + VERSION
              + " (exit "
              + exit
              + "): "
              + ProcessTools.tail(log)
              + "; check that npm can reach its registry (or its cache), then rerun. Log: "
              + log);
    }
    try {
      Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staging, home);
    }
    Files.deleteIfExists(log);
  }

  private int run(List<String> command, Path log) throws IOException {
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new ConfigurationException(
          "Azurite is installed with npm, but '"
              + npm
              + "' could not be started ("
              + e.getMessage()
              + "); install Node.js 20 or newer with npm (https://nodejs.org) and put it on the"
              + " PATH",
          e);
    }
    try {
      if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
        ProcessTools.stop(process);
        throw new SluiceException(
            "npm did not install azurite@" + VERSION + " within " + INSTALL_MINUTES + " minutes");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      ProcessTools.stop(process);
      Thread.currentThread().interrupt();
      throw new SluiceException("Interrupted while npm installed azurite@" + VERSION, e);
    }
  }

  /** Removes a broken final folder and the temporary folders of installs that were killed. */
  private void deleteLeftovers(Path home) throws IOException {
    ProcessTools.deleteTree(home);
    try (var entries = Files.list(cacheDir)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (entry.getFileName().toString().startsWith("azurite-" + VERSION + ".partial-")) {
          ProcessTools.deleteTree(entry);
        }
      }
    }
  }
}
