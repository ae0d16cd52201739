package io.sluice.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import io.sluice.mlflow.models.Metric;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// 140,000 metrics through one server: about a minute on two busy cores, so more than the default.
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@ExtendWith(MlflowServer.class)
class MlflowRunLoggerIT {
  private final MlflowClient direct =
      new MlflowClientBuilder().trackingUri(MlflowServer.uri()).buildClient();

  private String newRun() {
    String experimentId = direct.createExperiment("logger-" + UUID.randomUUID());
    return direct.createRun(experimentId, null, List.of()).info().runId();
  }

  @Test
  void hundredThousandMetricsAllReadBackInStepOrder() {
    String runId = newRun();
    int count = 100_000;
    // A queue far smaller than the load: logging calls must wait for room, not grow the heap.
    MlflowClient client =
        new MlflowClientBuilder()
            .trackingUri(MlflowServer.uri())
            .asyncQueueCapacity(5_000)
            .buildClient();
    long start = System.nanoTime();
    try (MlflowRunLogger logger = client.runLogger(runId)) {
      logger.logParam("optimizer", "adam");
      // Timestamps of their own: the server orders history by timestamp first, and a wall clock
      // set back while logging would put later steps first.
      for (int step = 0; step < count; step++) {
        logger.logMetric("loss", 1.0 / (step + 1), 1_000_000L + step, step);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "async logger: %d metrics in %.1f s = %.0f metrics/s%n", count, seconds, count / seconds);

    List<Long> steps = direct.getMetricHistory(runId, "loss").stream().map(Metric::step).toList();
    assertThat(steps).hasSize(count);
    assertThat(steps).isEqualTo(LongStream.range(0, count).boxed().toList());
    assertThat(direct.getRun(runId).data().params()).hasSize(1);
  }

  @ParameterizedTest(name = "client retries: {0}")
  @ValueSource(ints = {3, 0})
  void faultsOnAThirdOfRequestsLoseAndDuplicateNothing(int maxRetries) throws Exception {
    String runId = newRun();
    int count = 20_000;
    try (FaultInjectingProxy proxy = new FaultInjectingProxy(MlflowServer.uri(), 0.3)) {
      MlflowClient faulty =
          new MlflowClientBuilder()
              .trackingUri(proxy.uri())
              .retryOptions(
                  new RetryOptions(
                      new ExponentialBackoffOptions()
                          .setMaxRetries(maxRetries)
                          .setBaseDelay(Duration.ofMillis(20))
                          .setMaxDelay(Duration.ofMillis(200))))
              .asyncQueueCapacity(2_000)
              .buildClient();
      try (MlflowRunLogger logger = faulty.runLogger(runId)) {
        for (int step = 0; step < count; step++) {
          logger.logMetric("acc", step / (double) count, 1_000_000L + step, step);
          if (step % 1000 == 0) {
            logger.setTag("progress", Integer.toString(step));
          }
        }
        logger.logParam("seed", "7");
      }
      System.out.printf(
          "fault proxy (client retries %d): %d requests; 429 / 503 / reset before /"
              + " reset after forwarding: %s%n",
          maxRetries, proxy.requests.get(), proxy.faults);
      for (int kind = 0; kind < 4; kind++) {
        assertThat(proxy.faults.get(kind)).as("fault kind %d injected", kind).isPositive();
      }
    }
    List<Metric> history = direct.getMetricHistory(runId, "acc").stream().toList();
    assertThat(history).hasSize(count);
    assertThat(history.stream().map(Metric::step).toList())
        .isEqualTo(LongStream.range(0, count).boxed().toList());
    assertThat(direct.getRun(runId).data().tags())
        .anySatisfy(tag -> assertThat(tag.key() + "=" + tag.value()).isEqualTo("progress=19000"));
  }

  @Test
  void aRejectedBatchIsRaisedToTheCaller() {
    MlflowRunLogger logger = direct.runLogger("0123456789abcdef0123456789abcdef");
    logger.logMetric("loss", 1, 0);
    assertThatThrownBy(logger::flush)
        .isInstanceOf(MlflowAsyncLoggingException.class)
        .hasCauseInstanceOf(MlflowResourceNotFoundException.class)
        .hasMessageContaining("0123456789abcdef0123456789abcdef");
    assertThatThrownBy(() -> logger.logMetric("loss", 2, 1))
        .isInstanceOf(MlflowAsyncLoggingException.class);
    assertThatThrownBy(logger::close).isInstanceOf(MlflowAsyncLoggingException.class);
  }
}
