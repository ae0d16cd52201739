package io.sluice.core.orchestrator;

import io.sluice.core.spi.ProcessSpec;
import io.sluice.core.spi.StepFailedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Runs one child process of a step: output lines to the step's log and listeners, the step's
 * deadline and the run's cancellation end it together with every process it started.
 */
final class StepProcess {
  /** How often a waiting step checks for cancellation. */
  private static final Duration POLL = Duration.ofMillis(200);

  /** How long a process gets to exit after SIGTERM before it is killed. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  interface LineSink {
    void line(boolean stderr, String line);
  }

  private StepProcess() {}

  static int run(
      ProcessSpec spec,
      Instant deadline,
      Clock clock,
      BooleanSupplier canceled,
      LongConsumer started,
      LineSink sink,
      String stepName) {
    ProcessBuilder builder =
        new ProcessBuilder(spec.command()).directory(spec.workingDirectory().toFile());
    builder.environment().putAll(spec.environment());
    builder.environment().putAll(spec.secretEnvironment());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new StepFailedException(
          "Step '"
              + stepName
              + "' could not start "
              + spec.command().get(0)
              + ": "
              + e.getMessage(),
          e);
    }
    started.accept(process.pid());
    Thread out = pump(process.getInputStream(), false, sink, stepName);
    Thread err = pump(process.getErrorStream(), true, sink, stepName);
    try {
      while (!process.waitFor(POLL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (canceled.getAsBoolean()) {
          stop(process);
          throw new StepFailedException("Step '" + stepName + "' was canceled");
        }
        if (deadline != null && clock.instant().isAfter(deadline)) {
          stop(process);
          throw new StepTimeoutException("Step '" + stepName + "' timed out");
        }
      }
      out.join();
      err.join();
      return process.exitValue();
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new StepFailedException("Step '" + stepName + "' was interrupted", e);
    }
  }

  /** Ends a process and everything it started: SIGTERM first, SIGKILL after a grace period. */
  static void stop(ProcessHandle process) {
    var descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      process.onExit().get(GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception notYet) {
      process.destroyForcibly();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static void stop(Process process) {
    stop(process.toHandle());
  }

  private static Thread pump(InputStream stream, boolean stderr, LineSink sink, String stepName) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                  sink.line(stderr, line);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "sluice-" + stepName + (stderr ? "-stderr" : "-stdout"));
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Appends a line to a log writer, flushing so the file is current if the runner dies. */
  static void write(Writer writer, String line) {
    try {
      synchronized (writer) {
        writer.write(line);
        writer.write('\n');
        writer.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
