package io.sluice.core.local;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.EnvironmentDefinition;
import io.sluice.core.implementation.CacheLock;
import io.sluice.core.spi.PythonEnvironments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Virtualenvs under a cache folder, one per distinct environment, named by a hash of what it holds.
 * A marker file written after the last package installed tells a complete virtualenv from an
 * interrupted build (which is deleted and built again); a file lock keeps two runs from building
 * the same one at once. Virtualenvs are built in place because they record their own path in their
 * scripts.
 */
final class LocalPythonEnvironments implements PythonEnvironments {
  private static final Logger LOGGER = LoggerFactory.getLogger(LocalPythonEnvironments.class);

  private static final String COMPLETE_MARKER = ".sluice-complete";

  private final Path cache;
  private final Path baseDirectory;

  LocalPythonEnvironments(Path cache, Path baseDirectory) {
    this.cache = cache.resolve("venvs");
    this.baseDirectory = baseDirectory;
  }

  @Override
  public Path python(Optional<EnvironmentDefinition> environment, List<String> extraRequirements) {
    List<String> requirements = new ArrayList<>(new TreeSet<>(extraRequirements));
    environment.ifPresent(e -> requirements.addAll(e.pipPackages()));
    Optional<Path> requirementsFile =
        environment.map(EnvironmentDefinition::requirementsFile).map(baseDirectory::resolve);
    String interpreter = interpreter(environment.map(EnvironmentDefinition::pythonVersion));
    String key =
        hash(
            interpreter
                + "\n"
                + String.join("\n", new TreeSet<>(requirements))
                + "\n"
                + environment.map(EnvironmentDefinition::pipIndexUrl).orElse("")
                + "\n"
                + requirementsFile.map(LocalPythonEnvironments::read).orElse(""));
    Path target = cache.resolve(key);
    Path python = target.resolve("bin").resolve("python");
    Path complete = target.resolve(COMPLETE_MARKER);
    if (Files.exists(complete)) {
      return python;
    }
    try {
      CacheLock.holding(
          cache.resolve(key + ".lock"),
          () -> {
            if (!Files.exists(complete)) {
              build(interpreter, requirements, requirementsFile, environment, target);
              Files.writeString(complete, key);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return python;
  }

  private void build(
      String interpreter,
      List<String> requirements,
      Optional<Path> requirementsFile,
      Optional<EnvironmentDefinition> environment,
      Path target)
      throws IOException {
    deleteRecursively(target);
    String name = environment.map(EnvironmentDefinition::name).orElse("default");
    LOGGER.info("Building Python environment '{}' in {} (once; later runs reuse it)", name, target);
    run(List.of(interpreter, "-m", "venv", target.toString()), name);
    List<String> pip =
        new ArrayList<>(
            List.of(
                target.resolve("bin/python").toString(),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--no-input",
                "-q"));
    environment
        .map(EnvironmentDefinition::pipIndexUrl)
        .ifPresent(url -> pip.addAll(List.of("--extra-index-url", url)));
    requirementsFile.ifPresent(f -> pip.addAll(List.of("-r", f.toString())));
    pip.addAll(requirements);
    if (requirements.size() + requirementsFile.stream().count() > 0) {
      run(pip, name);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void run(List<String> command, String environment) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new SluiceException(
            "Building Python environment '"
                + environment
                + "' failed: "
                + String.join(" ", command.subList(0, Math.min(4, command.size())))
                + " ...\n"
                + tail(output)
                + "\nCheck the environment's pip packages and requirements file.");
      }
    } catch (IOException e) {
      throw new SluiceException(
          "Cannot start "
              + command.get(0)
              + " to build Python environment '"
              + environment
              + "'; install Python 3 with the venv module (python3 -m venv) and put it on PATH",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException(
          "Interrupted while building Python environment '" + environment + "'", e);
    }
  }

  /** The interpreter that makes the virtualenv: python3, or python3.X for a given version. */
  private static String interpreter(Optional<String> version) {
    return version.map(v -> "python" + v.replaceAll("^(\\d+\\.\\d+).*", "$1")).orElse("python3");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new SluiceException(
          "Requirements file " + file + " cannot be read; fix the environment's requirementsFile",
          e);
    }
  }

  private static String tail(String output) {
    String[] lines = output.split("\n");
    return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 20), lines.length));
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
