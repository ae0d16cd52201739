package io.sluice.benchmarks;

import io.sluice.mlflow.MlflowClient;
import io.sluice.mlflow.MlflowClientBuilder;
import io.sluice.mlflow.MlflowRunLogger;
import io.sluice.mlflow.models.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.mlflow.api.proto.Service;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Metrics per second into one real MLflow tracking server (the URI in the system property {@code
 * mlflow.uri}), for the official Java client and for Sluice, side by side. Each score is metrics
 * delivered per second; every invocation ends with its metrics accepted by the server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class MlflowLoggingBenchmark {
  private static final int LOOP = 100;
  private static final int BATCH = 1_000;
  private static final int ASYNC = 20_000;

  private org.mlflow.tracking.MlflowClient official;
  private MlflowClient sluice;
  private String experimentId;
  private String runId;
  private long step;

  @Setup(Level.Trial)
  public void connect() {
    String uri = System.getProperty("mlflow.uri", "http://127.0.0.1:5000");
    official = new org.mlflow.tracking.MlflowClient(uri);
    sluice = new MlflowClientBuilder().trackingUri(uri).buildClient();
    experimentId = sluice.createExperiment("bench-" + UUID.randomUUID());
  }

  /** A fresh run per iteration, so a growing history does not slow later iterations. */
  @Setup(Level.Iteration)
  public void newRun() {
    runId = sluice.createRun(experimentId, null, List.of()).info().runId();
  }

  @TearDown(Level.Trial)
  public void close() {
    official.close();
  }

  /** (a) The official client, one {@code log-metric} request per metric. */
  @Benchmark
  @OperationsPerInvocation(LOOP)
  public void officialLogMetricLoop() {
    for (int i = 0; i < LOOP; i++) {
      long s = step++;
      official.logMetric(runId, "loss", 1.0 / (s + 1), System.currentTimeMillis(), s);
    }
  }

  /** (b) The official client's {@code logBatch}, 1,000 metrics a call. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void officialLogBatch() {
    List<Service.Metric> metrics = new ArrayList<>(BATCH);
    long now = System.currentTimeMillis();
    for (int i = 0; i < BATCH; i++) {
      long s = step++;
      metrics.add(
          Service.Metric.newBuilder()
              .setKey("loss")
              .setValue(1.0 / (s + 1))
              .setTimestamp(now)
              .setStep(s)
              .build());
    }
    official.logBatch(runId, metrics, List.of(), List.of());
  }

  /** (c) Sluice's {@code logBatch}, 1,000 metrics a call. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void sluiceLogBatch() {
    List<Metric> metrics = new ArrayList<>(BATCH);
    long now = System.currentTimeMillis();
    for (int i = 0; i < BATCH; i++) {
      long s = step++;
      metrics.add(Metric.builder("loss").value(1.0 / (s + 1)).timestamp(now).step(s).build());
    }
    sluice.logBatch(runId, metrics, List.of(), List.of());
  }

  /** (d) Sluice's asynchronous logger: 20,000 calls, then close, which waits for delivery. */
  @Benchmark
  @OperationsPerInvocation(ASYNC)
  public void sluiceAsyncLogger() {
    try (MlflowRunLogger logger = sluice.runLogger(runId)) {
      for (int i = 0; i < ASYNC; i++) {
        long s = step++;
        logger.logMetric("loss", 1.0 / (s + 1), s);
      }
    }
  }
}
