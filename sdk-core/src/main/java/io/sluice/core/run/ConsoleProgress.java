package io.sluice.core.run;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a run's progress on a console: on a terminal, a live table of steps with their states and
 * durations, redrawn in place; elsewhere (a pipe, a CI log) one plain line per change. Ends with a
 * summary.
 */
public final class ConsoleProgress implements RunListener {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintStream out;
  private final boolean live;
  private final Map<String, StepStatus> steps = new LinkedHashMap<>();
  private int drawnLines;
  private Thread ticker;

  private ConsoleProgress(PrintStream out, boolean live) {
    this.out = out;
    this.live = live;
  }

  /**
   * Progress on standard output: live on an interactive terminal, plain lines otherwise (and always
   * under {@code CI}).
   *
   * @return the listener
   */
  public static ConsoleProgress standardOutput() {
    String term = System.getenv("TERM");
    boolean terminal =
        interactive() && term != null && !term.equals("dumb") && System.getenv("CI") == null;
    return new ConsoleProgress(System.out, terminal);
  }

  // Up to JDK 21 a console exists only on an interactive terminal, so null is the test there.
  @SuppressWarnings("SystemConsoleNull")
  private static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // JDK 22 and later give a console to redirected streams too; only isTerminal() tells.
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /**
   * Plain lines to a stream.
   *
   * @param out the stream
   * @return the listener
   */
  public static ConsoleProgress plain(PrintStream out) {
    return new ConsoleProgress(out, false);
  }

  @Override
  public synchronized void onEvent(RunEvent event) {
    if (event instanceof RunEvent.StepStateChanged changed) {
      StepStatus status = changed.status();
      steps.put(status.step(), status);
      if (live) {
        startTicker();
        redraw();
      } else {
        out.println(line(status));
      }
    } else if (event instanceof RunEvent.RunStateChanged changed && changed.state().isTerminal()) {
      stopTicker();
      if (live) {
        redraw();
      }
      summary(changed);
    } else if (event instanceof RunEvent.RunStateChanged changed && !live) {
      out.println(
          TIME.format(LocalTime.now(ZoneId.systemDefault()))
              + "  run "
              + changed.runId()
              + " "
              + changed.state());
    }
  }

  private String line(StepStatus status) {
    String message = status.message().isEmpty() ? "" : "  " + firstLine(status.message());
    String duration =
        status.state().isTerminal() && status.startedAt().isPresent()
            ? " in " + format(status.duration())
            : "";
    return TIME.format(LocalTime.now(ZoneId.systemDefault()))
        + "  "
        + status.step()
        + " "
        + status.state()
        + duration
        + message;
  }

  private void redraw() {
    StringBuilder table = new StringBuilder();
    if (drawnLines > 0) {
      table.append("\033[").append(drawnLines).append('F');
    }
    int width = steps.keySet().stream().mapToInt(String::length).max().orElse(4);
    for (StepStatus status : steps.values()) {
      table
          .append("\033[2K")
          .append(
              String.format(
                  "  %-" + width + "s  %-9s %8s  %s%n",
                  status.step(),
                  status.state(),
                  status.startedAt().isPresent() ? format(status.duration()) : "",
                  firstLine(status.message())));
    }
    drawnLines = steps.size();
    out.print(table);
    out.flush();
  }

  private void summary(RunEvent.RunStateChanged end) {
    long ran = steps.values().stream().filter(s -> s.state() == StepState.COMPLETED).count();
    long reused = steps.values().stream().filter(s -> s.state() == StepState.REUSED).count();
    long failed = steps.values().stream().filter(s -> s.state() == StepState.FAILED).count();
    out.println(
        "Run "
            + end.runId()
            + " "
            + end.state()
            + ": "
            + ran
            + " ran, "
            + reused
            + " reused, "
            + failed
            + " failed");
  }

  private void startTicker() {
    if (ticker != null) {
      return;
    }
    ticker =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  Thread.sleep(1000);
                  synchronized (this) {
                    redraw();
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "sluice-progress");
    ticker.setDaemon(true);
    ticker.start();
  }

  private void stopTicker() {
    if (ticker != null) {
      ticker.interrupt();
      ticker = null;
    }
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end) + " ...";
  }

  private static String format(Duration duration) {
    Duration d = duration.truncatedTo(ChronoUnit.MILLIS);
    return d.toMinutes() > 0
        ? d.toMinutes() + "m" + d.toSecondsPart() + "s"
        : String.format("%.1fs", d.toMillis() / 1000.0);
  }
}
