package io.sluice.core.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheLockTest {
  @TempDir Path dir;

  @Test
  void threadsOfOneJvmTakeTurns() throws Exception {
    Path lock = dir.resolve("cache/entry.lock");
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> holders = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        holders.add(
            pool.submit(
                () -> {
                  start.await();
                  CacheLock.holding(
                      lock,
                      () -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        sleep(20);
                        inside.decrementAndGet();
                      });
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> holder : holders) {
        holder.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(most).hasValue(1);
  }

  @Test
  void anotherProcessWaitsUntilTheHolderIsDone() throws Exception {
    Path lock = dir.resolve("entry.lock");
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Holder.class.getName(),
                lock.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("holding");

      CompletableFuture<Void> mine = CompletableFuture.runAsync(() -> hold(lock));
      Thread.sleep(500);
      assertThat(mine).as("took the lock while another process held it").isNotDone();

      holder.getOutputStream().close(); // the holder releases the lock and exits
      mine.get(30, TimeUnit.SECONDS);
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      holder.destroyForcibly();
    }
  }

  private static void hold(Path lock) {
    try {
      CacheLock.holding(lock, () -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Holds the lock named by its argument until its standard input closes. */
  static final class Holder {
    public static void main(String[] args) throws IOException {
      CacheLock.holding(
          Path.of(args[0]),
          () -> {
            System.out.println("holding");
            System.out.flush();
            System.in.readAllBytes();
          });
    }
  }
}
