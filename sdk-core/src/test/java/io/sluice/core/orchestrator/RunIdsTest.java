package io.sluice.core.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIdsTest {
  @TempDir Path runs;

  @Test
  void anIdIsThePipelineTheSecondAndEightHexDigits() {
    Instant time = Instant.parse("2026-11-24T12:08:30.750Z");

    assertThat(RunIds.newRunId("churn daily/v2", time, 0x3f9a0c1e))
        .isEqualTo("churn-daily-v2-20261124-120830-3f9a0c1e");
    assertThat(RunIds.newRunId("p", time, 7)).isEqualTo("p-20261124-120830-00000007");
    assertThat(RunIds.newRunId("x".repeat(60), time, -1))
        .isEqualTo("x".repeat(40) + "-20261124-120830-ffffffff");
    assertThat(RunIds.newRunId("churn")).matches("churn-\\d{8}-\\d{6}-[0-9a-f]{8}");
  }

  @Test
  void aRunThatDrawsTheIdOfAnExistingFolderDrawsAgain() throws IOException {
    Files.createDirectories(runs.resolve("churn-20261124-120830-0000beef"));
    Iterator<String> draws =
        List.of("churn-20261124-120830-0000beef", "churn-20261124-120830-0000cafe").iterator();

    String id = RunIds.newRunDirectory(runs, draws::next);

    assertThat(id).isEqualTo("churn-20261124-120830-0000cafe");
    assertThat(runs.resolve(id)).isEmptyDirectory();
  }

  @Test
  void runsThatDrawTheSameIdAtOnceGetOneFolderEach() throws Exception {
    // Every run draws from the same two ids, as two runs in one second could: each must end up
    // with a folder of its own, however the threads interleave.
    int threads = 8;
    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < threads; i++) {
      ids.add("churn-20261124-120830-0000000" + i);
      ids.add("churn-20261124-120830-0000000" + i);
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> claims = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        claims.add(
            pool.submit(
                () -> {
                  start.await();
                  return RunIds.newRunDirectory(runs, ids::remove);
                }));
      }
      start.countDown();
      List<String> claimed = new ArrayList<>();
      for (Future<String> claim : claims) {
        claimed.add(claim.get());
      }
      assertThat(claimed).doesNotHaveDuplicates().hasSize(threads);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRunThatOnlyDrawsExistingIdsSaysHowToNameItsOwn() throws IOException {
    Files.createDirectories(runs.resolve("same"));

    assertThatThrownBy(() -> RunIds.newRunDirectory(runs, () -> "same"))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("names an existing folder in " + runs)
        .hasMessageContaining("RunOptions.builder().runId(...)");
  }
}
