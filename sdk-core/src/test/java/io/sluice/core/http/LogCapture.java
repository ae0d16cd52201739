package io.sluice.core.http;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what slf4j-simple writes (it prints to whatever {@code System.err} is at the time of
 * each call) while still echoing it, with debug logging on for Sluice and azure-core.
 */
final class LogCapture implements AutoCloseable {
  static void enableDebugLogging() {
    System.setProperty("org.slf4j.simpleLogger.log.io.sluice", "debug");
    System.setProperty("org.slf4j.simpleLogger.log.com.azure", "debug");
  }

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  LogCapture() {
    System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
  }

  String text() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
  }

  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) {
      write(new byte[] {(byte) c}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
      ((PrintStream) a).write(bytes, off, len);
      ((ByteArrayOutputStream) b).write(bytes, off, len);
    }
  }
}
