package io.sluice.testing.azurite;

import io.sluice.core.ConfigurationException;
import io.sluice.core.SluiceException;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.Secret;
import io.sluice.testing.process.FreePorts;
import io.sluice.testing.process.PortTakenException;
import io.sluice.testing.process.ProcessTools;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A local Azurite Blob service for tests, on a free loopback port.
 *
 * <p>The first start installs npm package {@code azurite} (version 3.37.0) into the cache folder
 * named by system property {@code sluice.cache.dir} (default {@code ~/.cache/sluice}); this needs
 * Node.js and npm on the PATH and never skips a test when they are missing. Data lives in a
 * temporary folder that {@link #close()} deletes.
 *
 * <pre>{@code
 * AzuriteServer azurite = AzuriteServer.shared();
 * azurite.createContainer("raw");
 * AzureBlobDatastore store = azurite.datastore("raw_data", "raw");
 * }</pre>
 */
public final class AzuriteServer implements AutoCloseable {
  /** The emulator's well-known account name. */
  public static final String ACCOUNT_NAME = "devstoreaccount1";

  /** The emulator's well-known account key, published by Microsoft; not a secret. */
  public static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  /** The secret reference under which {@link #datastore} stores {@link #ACCOUNT_KEY}. */
  public static final String ACCOUNT_KEY_REFERENCE = "azurite-account-key";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static AzuriteServer shared;

  private final Process process;
  private final Path workDir;
  private final int port;

  private AzuriteServer(Process process, Path workDir, int port) {
    this.process = process;
    this.workDir = workDir;
    this.port = port;
  }

  /**
   * Installs Azurite if needed and starts a new server; close it when done.
   *
   * @return the running server
   * @throws ConfigurationException if Node.js or npm is missing
   * @throws SluiceException if Azurite cannot be installed or does not start
   */
  public static AzuriteServer start() {
    Path main = AzuriteInstaller.forThisMachine().blobMain();
    return FreePorts.start(port -> start(main, port));
  }

  /**
   * The server shared by every test of this JVM, started on first use and stopped when the JVM
   * exits.
   *
   * @return the running shared server
   * @throws ConfigurationException if Node.js or npm is missing
   * @throws SluiceException if Azurite cannot be installed or does not start
   */
  public static synchronized AzuriteServer shared() {
    if (shared == null || !shared.process.isAlive()) {
      AzuriteServer server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "azurite-stop"));
      shared = server;
    }
    return shared;
  }

  private static AzuriteServer start(Path main, int port) {
    Path workDir;
    Process process;
    try {
      workDir = Files.createTempDirectory("sluice-azurite-");
      Path data = Files.createDirectories(workDir.resolve("data"));
      List<String> command =
          List.of(
              "node",
              main.toString(),
              "--blobHost",
              "127.0.0.1",
              "--blobPort",
              Integer.toString(port),
              "--location",
              data.toString(),
              "--skipApiVersionCheck",
              "--loose",
              "--silent",
              "--disableTelemetry");
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(workDir.resolve("azurite.log").toFile())
              .start();
    } catch (IOException e) {
      throw new ConfigurationException(
          "Could not start Azurite with 'node' ("
              + e.getMessage()
              + "); install Node.js 20 or newer (https://nodejs.org) and put it on the PATH",
          e);
    }
    AzuriteServer server = new AzuriteServer(process, workDir, port);
    server.awaitPort();
    return server;
  }

  private void awaitPort() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String log = ProcessTools.tail(workDir.resolve("azurite.log"));
        close();
        if (log.contains("EADDRINUSE")) {
          throw new PortTakenException("Azurite", port);
        }
        throw new SluiceException("Azurite exited with code " + process.exitValue() + ": " + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    String log = ProcessTools.tail(workDir.resolve("azurite.log"));
    close();
    throw new SluiceException(
        "Azurite did not answer on 127.0.0.1:" + port + " within " + START_TIMEOUT + ": " + log);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException("Interrupted while waiting for Azurite to start", e);
    }
  }

  /**
   * The port the Blob service listens on.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return port;
  }

  /**
   * The Blob service endpoint of the emulator account.
   *
   * @return e.g. {@code http://127.0.0.1:52011/devstoreaccount1}
   */
  public String blobEndpoint() {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT_NAME;
  }

  /**
   * A connection string for Azure Storage clients.
   *
   * @return the connection string with the well-known key
   */
  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName="
        + ACCOUNT_NAME
        + ";AccountKey="
        + ACCOUNT_KEY
        + ";BlobEndpoint="
        + blobEndpoint()
        + ";";
  }

  /**
   * A datastore for a container of this server, using the account key.
   *
   * @param datastoreName the datastore's name
   * @param containerName the container, which {@link #createContainer} can create
   * @return the datastore, its key held as secret {@value #ACCOUNT_KEY_REFERENCE}
   */
  public AzureBlobDatastore datastore(String datastoreName, String containerName) {
    return AzureBlobDatastore.builder()
        .name(datastoreName)
        .accountName(ACCOUNT_NAME)
        .containerName(containerName)
        .protocol("http")
        .blobEndpoint(blobEndpoint())
        .credential(DatastoreCredential.accountKey(Secret.of(ACCOUNT_KEY_REFERENCE, ACCOUNT_KEY)))
        .build();
  }

  /**
   * Resolves the secret references of {@link #datastore} datastores to their values.
   *
   * @return a resolver that knows {@value #ACCOUNT_KEY_REFERENCE}
   */
  public Function<String, String> secrets() {
    return reference -> ACCOUNT_KEY_REFERENCE.equals(reference) ? ACCOUNT_KEY : null;
  }

  /**
   * Creates a container if it does not exist yet.
   *
   * @param containerName the container name
   * @throws SluiceException if Azurite refuses
   */
  public void createContainer(String containerName) {
    SharedKeyRequests.createContainer(blobEndpoint(), ACCOUNT_NAME, ACCOUNT_KEY, containerName);
  }

  /**
   * Whether the server process is still running.
   *
   * @return true while it runs
   */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops Azurite and its child processes and deletes its data. */
  @Override
  public void close() {
    ProcessTools.stop(process);
    ProcessTools.deleteTree(workDir);
  }
}
