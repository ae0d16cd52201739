package io.sluice.azureml;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what slf4j-simple writes (to whatever {@code System.err} is at each call) while still
 * echoing it; {@code simplelogger.properties} turns on debug for the HTTP log lines.
 */
final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  LogCapture() {
    System.setErr(
        new PrintStream(
            new OutputStream() {
              @Override
              public synchronized void write(int c) {
                original.write(c);
                captured.write(c);
              }

              @Override
              public synchronized void write(byte[] bytes, int off, int len) {
                original.write(bytes, off, len);
                captured.write(bytes, off, len);
              }
            },
            true,
            StandardCharsets.UTF_8));
  }

  String text() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
