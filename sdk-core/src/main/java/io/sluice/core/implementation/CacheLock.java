package io.sluice.core.implementation;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Lets one thread of one process at a time build something in a cache folder that other builds,
 * worktrees and test JVMs share, such as a virtualenv: the others wait, then find it built.
 */
public final class CacheLock {
  /**
   * One monitor per lock file for the whole JVM: a file lock keeps other processes out, but a
   * second lock on the same file from this JVM throws OverlappingFileLockException.
   */
  private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private CacheLock() {}

  /** Work done while holding the lock. */
  @FunctionalInterface
  public interface Work {
    /**
     * Does the work.
     *
     * @throws IOException if it fails; the lock is released
     */
    void run() throws IOException;
  }

  /**
   * Runs {@code work} while this thread holds the lock, waiting for other holders first.
   *
   * @param lockFile the lock's file, created with its folder when missing and never deleted
   * @param work what to do; it should check again whether the entry exists, as the previous holder
   *     may have built it
   * @throws IOException if the lock file cannot be opened, or the work fails
   */
  public static void holding(Path lockFile, Work work) throws IOException {
    Path file = lockFile.toAbsolutePath().normalize();
    synchronized (MONITORS.computeIfAbsent(file, f -> new Object())) {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        // Closing the channel releases the lock.
        channel.lock();
        work.run();
      }
    }
  }
}
