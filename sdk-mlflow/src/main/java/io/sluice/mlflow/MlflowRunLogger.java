package io.sluice.mlflow;

import com.azure.core.util.logging.ClientLogger;
import io.sluice.mlflow.implementation.LogBatchWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs metrics, params and tags of one run without waiting for the server: calls return at once,
 * and one background thread merges what they queued into {@code log-batch} requests within the
 * server's limits.
 *
 * <ul>
 *   <li><b>Bounded memory.</b> The queue holds a fixed number of entries; when it is full a logging
 *       call waits for room (back-pressure) instead of growing the heap.
 *   <li><b>Order.</b> Entries are sent in the order they were queued, one request at a time, so a
 *       metric's steps reach the server in the order they were logged.
 *   <li><b>Nothing lost, nothing doubled.</b> A batch that fails with 429, 5xx or an I/O error is
 *       sent again, unchanged, until it succeeds (within a 10-minute window); the server keeps a
 *       single copy of a replayed metric point, param or tag.
 *   <li><b>Failures surface.</b> A batch the server rejects fails the logger: the next call, {@link
 *       #flush()} or {@link #close()} throws {@link MlflowAsyncLoggingException} with the server's
 *       error as its cause.
 * </ul>
 *
 * <p>Thread-safe. Close it (try-with-resources) so that queued entries are sent: its thread is a
 * daemon and does not keep the JVM alive.
 */
public final class MlflowRunLogger implements AutoCloseable {
  private static final ClientLogger LOGGER = new ClientLogger(MlflowRunLogger.class);
  private static final Duration RETRY_WINDOW = Duration.ofMinutes(10);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final int DRAIN_CHUNK = 4 * LogBatchWriter.MAX_ENTITIES;

  private final MlflowClient client;
  private final String runId;
  private final BlockingQueue<Object> queue;
  private final AtomicLong queued = new AtomicLong();
  private final Object progress = new Object();
  private final Thread worker;
  private long delivered; // guarded by progress
  private MlflowAsyncLoggingException failure; // guarded by progress
  private volatile boolean closing;

  MlflowRunLogger(MlflowClient client, String runId, int capacity) {
    this.client = client;
    this.runId = runId;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.worker = new Thread(this::run, "sluice-mlflow-logger-" + runId);
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * The run this logger writes to.
   *
   * @return the run id
   */
  public String getRunId() {
    return runId;
  }

  /**
   * Queues a metric point measured now.
   *
   * @param key the metric name
   * @param value the value
   * @param step the step
   * @throws MlflowAsyncLoggingException when an earlier batch failed
   */
  public void logMetric(String key, double value, long step) {
    logMetric(key, value, System.currentTimeMillis(), step);
  }

  /**
   * Queues a metric point.
   *
   * @param key the metric name
   * @param value the value
   * @param timestamp when it was measured, in milliseconds since the epoch
   * @param step the step
   * @throws MlflowAsyncLoggingException when an earlier batch failed
   */
  public void logMetric(String key, double value, long timestamp, long step) {
    enqueue(MlflowClient.metric(key, value, timestamp, step));
  }

  /**
   * Queues a param.
   *
   * @param key the name
   * @param value the value, at most 6,000 characters
   * @throws MlflowAsyncLoggingException when an earlier batch failed
   */
  public void logParam(String key, String value) {
    enqueue(MlflowClient.param(key, value));
  }

  /**
   * Queues a run tag.
   *
   * @param key the tag key
   * @param value the value, at most 8,000 characters
   * @throws MlflowAsyncLoggingException when an earlier batch failed
   */
  public void setTag(String key, String value) {
    enqueue(MlflowClient.tag(key, value));
  }

  /**
   * Waits until everything queued before this call has been accepted by the server.
   *
   * @throws MlflowAsyncLoggingException when a batch failed
   */
  public void flush() {
    long target = queued.get();
    synchronized (progress) {
      while (delivered < target && failure == null) {
        try {
          progress.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MlflowAsyncLoggingException(
              "interrupted while flushing the logger of run "
                  + runId
                  + "; "
                  + (target - delivered)
                  + " entries may still be unsent",
              e);
        }
      }
      throwIfFailed();
    }
  }

  /**
   * Sends everything queued, then stops the background thread. Further logging is refused.
   *
   * @throws MlflowAsyncLoggingException when a batch failed
   */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    try {
      flush();
    } finally {
      closing = true;
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void enqueue(Object entity) {
    if (closing) {
      throw LOGGER.logExceptionAsError(
          new IllegalStateException(
              "the logger of run "
                  + runId
                  + " is closed; open a new one with MlflowClient.runLogger"));
    }
    synchronized (progress) {
      throwIfFailed();
    }
    try {
      queue.put(entity);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MlflowAsyncLoggingException(
          "interrupted while waiting for room in the logger of run "
              + runId
              + "; the entry was not logged",
          e);
    }
    queued.incrementAndGet();
  }

  private void throwIfFailed() {
    if (failure != null) {
      // A new exception each time, so the caller's stack shows where it surfaced.
      throw new MlflowAsyncLoggingException(failure.getMessage(), failure.getCause());
    }
  }

  private void run() {
    ArrayDeque<Object> pending = new ArrayDeque<>();
    try {
      while (!(closing && pending.isEmpty() && queue.isEmpty())) {
        if (pending.isEmpty()) {
          Object first = queue.poll(100, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          pending.add(first);
        }
        queue.drainTo(pending, DRAIN_CHUNK);
        LogBatchWriter batch = new LogBatchWriter(runId);
        Iterator<Object> entries = pending.iterator();
        int count = 0;
        while (entries.hasNext() && batch.tryAdd(entries.next())) {
          count++;
        }
        if (!deliver(batch)) {
          return;
        }
        for (int i = 0; i < count; i++) {
          pending.pollFirst();
        }
        synchronized (progress) {
          delivered += count;
          progress.notifyAll();
        }
      }
    } catch (InterruptedException | RuntimeException e) {
      // Whatever stops this thread must fail the logger, or flush() would wait forever.
      fail(e, pending.size() + queue.size());
    }
  }

  /** Sends a batch until it is accepted; false when it cannot be, after failing the logger. */
  private boolean deliver(LogBatchWriter batch) throws InterruptedException {
    long deadline = System.nanoTime() + RETRY_WINDOW.toNanos();
    Duration backoff = Duration.ofMillis(500);
    while (true) {
      try {
        client.sendBatch(batch);
        return true;
      } catch (RuntimeException e) {
        if (!isRetryable(e) || System.nanoTime() > deadline) {
          fail(e, batch.size() + queue.size());
          return false;
        }
        Thread.sleep(backoff.toMillis());
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  private static boolean isRetryable(RuntimeException e) {
    if (e instanceof MlflowException mlflow) {
      int status = mlflow.getStatusCode();
      return status == 429 || (status >= 500 && status != 501);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private void fail(Exception cause, int lost) {
    MlflowAsyncLoggingException error =
        new MlflowAsyncLoggingException(
            "at least "
                + lost
                + " metrics, params or tags of run "
                + runId
                + " were not logged: "
                + cause.getMessage(),
            cause);
    LOGGER.warning(error.getMessage());
    queue.clear();
    synchronized (progress) {
      failure = error;
      progress.notifyAll();
    }
  }
}
