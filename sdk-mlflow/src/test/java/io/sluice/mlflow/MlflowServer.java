package io.sluice.mlflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code mlflow server} for integration tests, one per test JVM.
 *
 * <p>Creates a virtualenv with {@code mlflow==3.17.2} under the cache directory given by the
 * system property {@code sluice.cache.dir} (once; later runs reuse it), then starts the server
 * on a free loopback port with a SQLite store and proxied artifacts in a fresh temporary
 * directory, waits for {@code /health}, and stops it when the test run ends. Nothing skips:
 * without Python 3 the tests fail and say so.
 */
public final class MlflowServer implements BeforeAllCallback {
  static final String MLFLOW_VERSION = "3.17.2";
  private static final Duration STARTUP = Duration.ofSeconds(120);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
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
    Path cache = Path.of(System.getProperty("sluice.cache.dir",
        Path.of("..", ".cache").toAbsolutePath().normalize().toString()));
    return cache.resolve("mlflow-" + MLFLOW_VERSION).resolve("venv");
  }

  private static synchronized Path installedVenv() {
    Path venv = venv();
    Path marker = venv.resolve(".sluice-installed");
    if (Files.exists(marker)) {
      return venv;
    }
    run(List.of("python3", "-m", "venv", "--clear", venv.toString()), Duration.ofMinutes(2));
    run(List.of(venv.resolve("bin/pip").toString(), "install", "--disable-pip-version-check",
        "--quiet", "mlflow==" + MLFLOW_VERSION), Duration.ofMinutes(15));
    try {
      Files.writeString(marker, MLFLOW_VERSION);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return venv;
  }

  private static Running start() {
    Path venv = installedVenv();
    try {
      Path work = Files.createTempDirectory("sluice-mlflow-server");
      int port = freePort();
      List<String> command = List.of(venv.resolve("bin/mlflow").toString(), "server",
          "--host", "127.0.0.1", "--port", Integer.toString(port),
          "--backend-store-uri", "sqlite:///" + work.resolve("mlflow.db"),
          "--serve-artifacts", "--artifacts-destination", work.resolve("artifacts").toString(),
          // One worker starts in seconds; four import MLflow in parallel and take far longer.
          "--workers", "1");
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          // A file, not the test's own streams: the build tool waits on inherited pipes.
          .redirectOutput(work.resolve("server.log").toFile());
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("MLFLOW_"));
      Running running = new Running(builder.start(), "http://127.0.0.1:" + port, work);
      running.awaitHealthy();
      Running.instance = running;
      return running;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(List<String> command, Duration timeout) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("'" + String.join(" ", command) + "' failed; the MLflow"
            + " integration tests need python3 with venv and pip, and access to PyPI");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0)
          + "; the MLflow integration tests need python3 with venv", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static final class Running implements AutoCloseable {
    static volatile Running instance;

    final Process process;
    final String uri;
    final Path work;

    Running(Process process, String uri, Path work) {
      this.process = process;
      this.uri = uri;
      this.work = work;
    }

    void awaitHealthy() throws IOException {
      HttpClient http = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + STARTUP.toNanos();
      while (System.nanoTime() < deadline && process.isAlive()) {
        try {
          HttpResponse<String> response = http.send(
              HttpRequest.newBuilder(URI.create(uri + "/health")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return;
          }
        } catch (IOException e) {
          // Not listening yet.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        sleep(250);
      }
      close();
      throw new IllegalStateException("mlflow server did not become healthy within " + STARTUP
          + "; its log:\n" + Files.readString(work.resolve("server.log")));
    }

    @Override
    public void close() {
      List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
      all.add(process.toHandle());
      all.forEach(ProcessHandle::destroy);
      for (ProcessHandle handle : all) {
        try {
          handle.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          handle.destroyForcibly();
        }
      }
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
