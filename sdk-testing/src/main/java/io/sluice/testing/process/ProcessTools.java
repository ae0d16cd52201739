package io.sluice.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Small process and file helpers for tests that run local servers as child processes. */
public final class ProcessTools {
  private static final int TAIL_CHARS = 2000;

  private ProcessTools() {}

  /**
   * Stops a process and everything it started, politely first, then by force, and waits until they
   * have exited, so that their files can be deleted.
   *
   * @param process the process
   */
  public static void stop(Process process) {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : all) {
      if (!exited(handle)) {
        handle.destroyForcibly();
        exited(handle);
      }
    }
  }

  /** Waits up to 10 seconds for a process to exit; not at all once interrupted. */
  private static boolean exited(ProcessHandle handle) {
    try {
      handle.onExit().get(10, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /**
   * The last characters of a log file, for error messages.
   *
   * @param log the file
   * @return its last 2,000 characters, or {@code (no output)} when it cannot be read
   */
  public static String tail(Path log) {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      return text.length() <= TAIL_CHARS
          ? text
          : "..." + text.substring(text.length() - TAIL_CHARS);
    } catch (IOException e) {
      return "(no output)";
    }
  }

  /**
   * Deletes a file or folder tree if it exists.
   *
   * @param root the file or folder
   * @throws UncheckedIOException if something in it cannot be deleted
   */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + root, e);
    }
  }
}
