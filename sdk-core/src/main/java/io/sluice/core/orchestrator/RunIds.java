package io.sluice.core.orchestrator;

import io.sluice.core.SluiceException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The run ids Sluice makes when a submission names none, such as {@code
 * churn-20261124-120830-3f9a0c1e}: the pipeline's name (any character but letters, digits, {@code
 * _} and {@code -} replaced by {@code -}, cut to 40 characters), the UTC time to the second, and 8
 * random hex digits. Ids sort by time, and two made in the same second are equal about once in four
 * billion times; a run kept in a folder also draws again while its folder exists.
 */
public final class RunIds {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** Draws before giving up: many more than the rare collision needs. */
  private static final int ATTEMPTS = 10;

  private RunIds() {}

  /**
   * A new run id for a pipeline.
   *
   * @param pipeline the pipeline's name
   * @return the id, e.g. {@code churn-20261124-120830-3f9a0c1e}
   */
  public static String newRunId(String pipeline) {
    return newRunId(pipeline, Instant.now(), ThreadLocalRandom.current().nextInt());
  }

  static String newRunId(String pipeline, Instant time, int random) {
    String prefix = pipeline.replaceAll("[^A-Za-z0-9_-]", "-");
    prefix = prefix.substring(0, Math.min(prefix.length(), 40));
    return prefix + "-" + TIME.format(time) + "-" + String.format("%08x", random);
  }

  /**
   * A new run id, timed by {@code clock}, whose folder under {@code runsDirectory} this call
   * created, so that no other run, in this process or another, can have it.
   */
  static String newRunDirectory(Path runsDirectory, String pipeline, Clock clock) {
    return newRunDirectory(
        runsDirectory,
        () -> newRunId(pipeline, clock.instant(), ThreadLocalRandom.current().nextInt()));
  }

  static String newRunDirectory(Path runsDirectory, Supplier<String> ids) {
    try {
      Files.createDirectories(runsDirectory);
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        String id = ids.get();
        try {
          // Atomic: of two runs that drew the same id, exactly one creates the folder.
          Files.createDirectory(runsDirectory.resolve(id));
          return id;
        } catch (FileAlreadyExistsException taken) {
          // Another run has this id: draw again.
        }
      }
    } catch (IOException e) {
      throw new SluiceException(
          "Cannot create a run folder in "
              + runsDirectory
              + " ("
              + e
              + "); check that the runs"
              + " directory is writable",
          e);
    }
    throw new SluiceException(
        "Every new run id drawn ("
            + ATTEMPTS
            + " tries) names an existing folder in "
            + runsDirectory
            + "; pass RunOptions.builder().runId(...) with an id of your own");
  }
}
