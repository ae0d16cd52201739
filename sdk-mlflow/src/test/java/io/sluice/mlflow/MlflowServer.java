package io.sluice.mlflow;

import io.sluice.core.implementation.CacheLock;
import io.sluice.testing.process.FreePorts;
import io.sluice.testing.process.PortTakenException;
import io.sluice.testing.process.ProcessTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code mlflow server} for integration tests, one per test JVM.
 *
 * <p>Creates a virtualenv with {@code mlflow==3.17.2} under the cache directory given by the system
 * property {@code sluice.cache.dir} (once, under a lock that other JVMs honour too; later runs
 * reuse it), then starts the server on a free loopback port (another one if that port is taken
 * before mlflow binds it) with a SQLite store and proxied artifacts in a fresh temporary directory,
 * waits for {@code /health}, and when the test run ends stops it and deletes that directory.
 * Nothing skips: without Python 3 the tests fail and say so.
 */
public final class MlflowServer implements BeforeAllCallback {
  static final String MLFLOW_VERSION = "3.17.2";
  private static final Duration STARTUP = Duration.ofMinutes(2);

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(
            Running.class,
            key -> {
              Running running = start(FreePorts::loopbackPort);
              Running.instance = running;
              return running;
            },
            Running.class);
  }

  /** The running server's tracking URI, {@code http://127.0.0.1:<port>}. */
  static String uri() {
    return Running.instance.uri;
  }

  /** The Python interpreter of the virtualenv, which has {@code mlflow} installed. */
  static Path python() {
    return venv().resolve("bin/python");
  }

  private static Path venv() {
    Path cache =
        Path.of(
            System.getProperty(
                "sluice.cache.dir",
                Path.of("..", ".cache").toAbsolutePath().normalize().toString()));
    return cache.resolve("mlflow-" + MLFLOW_VERSION).resolve("venv");
  }

  private static Path installedVenv() {
    Path venv = venv();
    Path marker = venv.resolve(".sluice-installed");
    try {
      // Other test JVMs (parallel module builds, other worktrees) may install at the same moment.
      CacheLock.holding(
          venv.resolveSibling("venv.lock"),
          () -> {
            if (!Files.exists(marker)) {
              run(
                  List.of("python3", "-m", "venv", "--clear", venv.toString()),
                  Duration.ofMinutes(2));
              run(
                  List.of(
                      venv.resolve("bin/pip").toString(),
                      "install",
                      "--disable-pip-version-check",
                      "--quiet",
                      "mlflow==" + MLFLOW_VERSION),
                  Duration.ofMinutes(15));
              Files.writeString(marker, MLFLOW_VERSION);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install mlflow into " + venv, e);
    }
    return venv;
  }

  /** Starts a server on a port from {@code ports}, on the next one when that port is taken. */
  static Running start(IntSupplier ports) {
    Path venv = installedVenv();
    return FreePorts.start(ports, port -> start(venv, port));
  }

  private static Running start(Path venv, int port) {
    Path work;
    try {
      work = Files.createTempDirectory("sluice-mlflow-server");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<String> command =
          List.of(
              venv.resolve("bin/mlflow").toString(),
              "server",
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(port),
              "--backend-store-uri",
              "sqlite:///" + work.resolve("mlflow.db"),
              "--serve-artifacts",
              "--artifacts-destination",
              work.resolve("artifacts").toString(),
              // One worker starts in seconds; four import MLflow in parallel and take far longer.
              "--workers",
              "1");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              // A file, not the test's own streams: the build tool waits on inherited pipes.
              .redirectOutput(work.resolve("server.log").toFile());
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("MLFLOW_"));
      env.put("PYTHONUNBUFFERED", "1"); // the log tells when the port is bound
      // No job runner: it starts eight more Python processes for server-side jobs no test runs,
      // and on two cores they delay the server's start by seconds.
      env.put("MLFLOW_SERVER_ENABLE_JOB_EXECUTION", "false");
      Running running = new Running(builder.start(), port, work);
      running.awaitHealthy();
      return running;
    } catch (IOException e) {
      ProcessTools.deleteTree(work);
      throw new UncheckedIOException("cannot start " + venv.resolve("bin/mlflow"), e);
    }
  }

  private static void run(List<String> command, Duration timeout) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "'"
                + String.join(" ", command)
                + "' failed; the MLflow"
                + " integration tests need python3 with venv and pip, and access to PyPI");
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run " + command.get(0) + "; the MLflow integration tests need python3 with venv",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A started server; closing it stops it and deletes its store and artifacts. */
  static final class Running implements AutoCloseable {
    static volatile Running instance;

    final Process process;
    final String uri;
    final Path work;
    private final int port;

    Running(Process process, int port, Path work) {
      this.process = process;
      this.port = port;
      this.uri = "http://127.0.0.1:" + port;
      this.work = work;
    }

    void awaitHealthy() {
      HttpClient http = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + STARTUP.toNanos();
      while (System.nanoTime() < deadline
          && process.isAlive()
          && !Thread.currentThread().isInterrupted()) {
        String log = log();
        // Uvicorn logs a taken port but its process lives on: waiting cannot help.
        if (portTaken(log)) {
          break;
        }
        // Until mlflow says it bound the port, /health may be answered by whoever holds it.
        if (log.contains("running on " + uri) && healthy(http)) {
          return;
        }
        sleep(250);
      }
      String log = ProcessTools.tail(work.resolve("server.log"));
      close();
      if (portTaken(log)) {
        throw new PortTakenException("mlflow server", port);
      }
      throw new IllegalStateException(
          "mlflow server did not become healthy on "
              + uri
              + " within "
              + STARTUP
              + "; the end of its log:\n"
              + log);
    }

    private String log() {
      try {
        return Files.readString(work.resolve("server.log"));
      } catch (IOException e) {
        return ""; // not written yet
      }
    }

    private static boolean portTaken(String log) {
      return log.toLowerCase(Locale.ROOT).contains("address already in use");
    }

    private boolean healthy(HttpClient http) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(uri + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200;
      } catch (IOException e) {
        return false; // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    @Override
    public void close() {
      ProcessTools.stop(process);
      ProcessTools.deleteTree(work);
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
