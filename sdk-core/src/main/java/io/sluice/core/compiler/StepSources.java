package io.sluice.core.compiler;

import io.sluice.core.model.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that each step's source directory and file exist, and keeps the manifest of the files each
 * step runs for its fingerprint. Many steps share a directory and file: each pair is checked once
 * per compilation.
 */
final class StepSources {
  private final Path base;
  private final Problems problems;
  private final SourceManifests manifests = new SourceManifests();
  private final Map<SourceKey, SourceCheck> checks = new HashMap<>();
  // By rank: an array, not a map by name, as every step is looked up once more to fingerprint it.
  private final Map<String, String>[] byRank;

  /** A source directory (null for the base directory) and a file in it (null for none). */
  private record SourceKey(String directory, String file) {}

  /** What checking one source directory and file found. */
  private record SourceCheck(
      boolean directoryMissing, boolean fileMissing, Map<String, String> manifest) {}

  StepSources(Path base, int stepCount, Problems problems) {
    this.base = base;
    this.problems = problems;
    @SuppressWarnings("unchecked")
    Map<String, String>[] manifestsByRank = (Map<String, String>[]) new Map<?, ?>[stepCount];
    this.byRank = manifestsByRank;
  }

  /**
   * Checks a step's sources.
   *
   * @param rank the step's rank
   * @param local the file the step runs from its source directory (or the base directory), and the
   *     field that names it; null when it runs nothing local
   */
  void check(int rank, Step step, LocalSource local) {
    Optional<String> directory = step.sourceDirectory();
    Optional<String> file = local == null ? Optional.empty() : Optional.of(local.file());
    // A key of the two names, not one string of both: that string was made and hashed per step.
    SourceCheck check =
        checks.computeIfAbsent(
            new SourceKey(directory.orElse(null), file.orElse(null)), k -> check(directory, file));
    if (check.directoryMissing()) {
      problems.error(
          step.name(),
          "sourceDirectory",
          "source directory '" + directory.get() + "' does not exist; create it or fix the path");
    } else if (check.fileMissing()) {
      String field = local.field();
      String where =
          directory.map(d -> "source directory '" + d + "'").orElse("the base directory");
      problems.error(
          step.name(),
          field,
          "'" + file.get() + "' is not in " + where + "; fix " + field + " or sourceDirectory");
    } else {
      byRank[rank] = check.manifest();
    }
  }

  /** The files a step runs and their SHA-256, empty when it runs nothing local. */
  Map<String, String> of(int rank) {
    Map<String, String> manifest = byRank[rank];
    return manifest == null ? Map.of() : manifest;
  }

  private SourceCheck check(Optional<String> directory, Optional<String> file) {
    Optional<Path> folder = directory.map(base::resolve);
    if (folder.isPresent() && !Files.isDirectory(folder.get())) {
      return new SourceCheck(true, false, null);
    }
    if (file.isEmpty()) {
      return new SourceCheck(false, false, null);
    }
    Path path = folder.orElse(base).resolve(file.get());
    if (!Files.isRegularFile(path)) {
      return new SourceCheck(false, true, null);
    }
    return new SourceCheck(
        false,
        false,
        folder.isPresent()
            ? manifests.directory(folder.get())
            : SourceManifests.file(path, file.get()));
  }
}
