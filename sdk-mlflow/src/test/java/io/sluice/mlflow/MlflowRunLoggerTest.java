package io.sluice.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.mlflow.implementation.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class MlflowRunLoggerTest {
  @Test
  void callsReturnAtOnceUntilTheQueueIsFullThenWaitForRoom() throws Exception {
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Long> steps = new ArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
              sending.countDown();
              release.await();
              JsonNode batch;
              try {
                batch = Json.MAPPER.readTree(request.getBody().readByteArray());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              synchronized (steps) {
                batch.get("metrics").forEach(metric -> steps.add(metric.get("step").asLong()));
              }
              return new MockResponse().setBody("{}");
            }
          });
      server.start();
      MlflowClient client =
          new MlflowClientBuilder()
              .trackingUri(server.url("/").toString())
              .asyncQueueCapacity(100)
              .buildClient();
      try (MlflowRunLogger logger = client.runLogger("run")) {
        // The first entry goes to the (stalled) server alone; 100 more fill the queue. The server
        // stays stalled, so a call that waited for it would never return.
        logger.logMetric("loss", 0, 0);
        assertThat(sending.await(30, TimeUnit.SECONDS))
            .as("the first batch reached the server")
            .isTrue();
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> {
              for (int step = 1; step < 101; step++) {
                logger.logMetric("loss", step, step);
              }
            });

        Thread blocked = new Thread(() -> logger.logMetric("loss", 101, 101));
        blocked.start();
        blocked.join(300);
        assertThat(blocked.isAlive()).as("a call into a full queue waits").isTrue();

        release.countDown();
        blocked.join(5_000);
        assertThat(blocked.isAlive()).isFalse();
        for (int step = 102; step < 2_500; step++) {
          logger.logMetric("loss", step, step);
        }
        logger.flush();
      }
      assertThat(steps).hasSize(2_500).isSorted();
    }
  }
}
