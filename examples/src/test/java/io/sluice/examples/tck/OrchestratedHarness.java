package io.sluice.examples.tck;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.azureml.FakeAzureMl;
import io.sluice.azureml.datastore.BlobDatastoreIo;
import io.sluice.azureml.models.BlobFolder;
import io.sluice.azureml.orchestrated.FakeWorkspaces;
import io.sluice.azureml.orchestrated.TwoScripts;
import io.sluice.core.Sluice;
import io.sluice.core.compiler.ModelTranslation;
import io.sluice.core.model.AmlCompute;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.Secret;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.Transport;
import io.sluice.databricks.FakeDatabricks;
import io.sluice.databricks.FakePolling;
import io.sluice.databricks.TestComputes;
import io.sluice.databricks.tck.DatabricksTasks;
import io.sluice.testing.azurite.AzuriteServer;
import io.sluice.testing.tck.StepBehaviour;
import io.sluice.testing.tck.StepInvocation;
import io.sluice.testing.tck.StepKind;
import io.sluice.testing.tck.TransportHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;

/**
 * The {@code orchestrated} transport with its remote steps on fakes: scripts on an Azure ML cluster
 * as command jobs of a fake Azure ML API, notebooks on a fake Databricks workspace, data on a
 * container of Azurite. A step's behaviour is scripted on both fakes under its name (a step runs on
 * one of them); what it was given is read from the request that started its remote job.
 */
final class OrchestratedHarness implements TransportHarness {
  static final String TOKEN = "dapi" + "0rch" + "e57a" + "tck0canary0123456789abcdef";
  static final Secret TOKEN_SECRET = Secret.of("databricks-token", TOKEN);
  static final Secret STORAGE_KEY =
      Secret.of(AzuriteServer.ACCOUNT_KEY_REFERENCE, AzuriteServer.ACCOUNT_KEY);
  private static final AtomicInteger CONTAINERS = new AtomicInteger();

  private final Path work;
  private final AzuriteServer azurite;
  private final String container;
  private final MockWebServer databricksServer = new MockWebServer();
  private final MockWebServer armServer = new MockWebServer();
  private final FakeDatabricks databricks = new FakeDatabricks(TOKEN).timing(100, 300);
  private final FakeAzureMl azureMl = new FakeAzureMl().timing(100, 300);
  private final List<Map.Entry<BlobFolder, SortedMap<String, Path>>> uploads =
      new CopyOnWriteArrayList<>();
  private final Transport transport;

  OrchestratedHarness(Path work, AzuriteServer azurite) {
    this.work = work;
    this.azurite = azurite;
    this.container = "tck-" + CONTAINERS.incrementAndGet() + "-" + ProcessHandle.current().pid();
    azurite.createContainer(container);
    databricksServer.setDispatcher(databricks);
    armServer.setDispatcher(azureMl);
    try {
      databricksServer.start();
      armServer.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String armUrl = armServer.url("/").toString();
    FakeWorkspaces.pointAt(work, armUrl.substring(0, armUrl.length() - 1), uploads);
    Map<String, String> settings = new HashMap<>(FakePolling.ORCHESTRATED);
    settings.putAll(
        Map.of(
            "baseDirectory", work.toString(),
            "runsDirectory", runs().toString(),
            "parallelism", "2",
            "databricks.maxRetries", "3",
            "databricks.retryDelay", "10"));
    transport = Sluice.transport("orchestrated", settings);
  }

  private Path runs() {
    return work.resolve("sluice-runs");
  }

  @Override
  public Transport transport() {
    return transport;
  }

  @Override
  public Path workDirectory() {
    return work;
  }

  @Override
  public Set<StepKind> stepKinds() {
    return Set.of(StepKind.PYTHON_SCRIPT, StepKind.DATABRICKS_NOTEBOOK);
  }

  @Override
  public ComputeTarget compute(StepKind kind) {
    return kind == StepKind.PYTHON_SCRIPT
        ? AmlCompute.builder().name("cpu-cluster").vmSize("STANDARD_DS3_V2").maxNodes(2).build()
        : TestComputes.databricks("http://127.0.0.1:" + databricksServer.getPort(), TOKEN_SECRET);
  }

  @Override
  public Datastore datastore() {
    return TwoScripts.azuriteStore("lake", azurite.blobEndpoint(), container);
  }

  @Override
  public void putData(String path, String content) {
    try {
      Path file = Files.createTempFile(work, "data", ".txt");
      Files.writeString(file, content);
      new BlobDatastoreIo()
          .upload(file, ModelTranslation.datastore(datastore()), path, azurite.secrets());
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void script(String step, StepBehaviour behaviour) {
    databricks.succeedTask(step);
    azureMl.succeedStep(step);
    behaviour.apply(
        () -> {},
        message -> {
          databricks.failTask(step, message);
          azureMl.failStep(step, message);
        },
        () -> {
          databricks.hangTask(step);
          azureMl.hangStep(step);
        });
  }

  @Override
  public List<StepInvocation> invocations(String step) {
    List<StepInvocation> invocations = new ArrayList<>();
    databricks
        .startedTasks(step)
        .forEach(task -> invocations.add(DatabricksTasks.invocation(task)));
    CommandJobs jobs = new CommandJobs(registeredDatastores());
    azureMl.startedJobs(step).forEach(job -> invocations.add(jobs.invocation(job)));
    return invocations;
  }

  /** The datastores the transport registered in the workspace, by name, as their bodies. */
  private Map<String, JsonNode> registeredDatastores() {
    Map<String, JsonNode> datastores = new LinkedHashMap<>();
    for (FakeAzureMl.Call call : azureMl.calls("PUT", "datastores/")) {
      if (call.status() / 100 == 2) {
        datastores.put(
            call.path().substring("datastores/".length()), CommandJobs.json(call.body()));
      }
    }
    return datastores;
  }

  @Override
  public List<String> sideEffects() {
    List<String> effects = new ArrayList<>();
    databricks.calls().stream()
        .filter(c -> !c.method().equals("GET"))
        .forEach(c -> effects.add("databricks " + c.method() + " " + c.path()));
    azureMl.calls().stream()
        .filter(c -> !c.method().equals("GET"))
        .forEach(c -> effects.add("azureml " + c.method() + " " + c.path()));
    uploads.forEach(u -> effects.add("azureml upload " + u.getKey()));
    if (Files.isDirectory(runs())) {
      try (Stream<Path> folders = Files.list(runs())) {
        folders.map(p -> "run folder " + p.getFileName()).sorted().forEach(effects::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return effects;
  }

  @Override
  public String outboundText() {
    StringBuilder text = new StringBuilder();
    // A secret scope is where a credential belongs, as an Authorization header is.
    databricks.calls().stream()
        .filter(c -> !c.path().equals("/api/2.0/secrets/put"))
        .forEach(
            c ->
                text.append(c.method())
                    .append(' ')
                    .append(c.path())
                    .append('?')
                    .append(c.query())
                    .append('\n')
                    .append(c.body())
                    .append('\n'));
    text.append(databricks.storedText());
    azureMl
        .calls()
        .forEach(
            c ->
                text.append(c.method())
                    .append(' ')
                    .append(c.path())
                    .append('\n')
                    .append(CommandJobs.withoutDatastoreSecrets(c.path(), c.body()))
                    .append('\n'));
    uploads.forEach(
        u -> u.getValue().values().forEach(file -> text.append(readText(file)).append('\n')));
    if (Files.isDirectory(runs())) {
      try (Stream<Path> files = Files.walk(runs())) {
        files
            .filter(Files::isRegularFile)
            .forEach(file -> text.append(readText(file)).append('\n'));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return text.toString();
  }

  private static String readText(Path file) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException binary) {
      return ""; // a binary file (an MLflow database) holds no text the contract reads
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public RunOptions.Builder runOptions() {
    return RunOptions.builder().addSecrets(TOKEN_SECRET, STORAGE_KEY);
  }

  @Override
  public void close() {
    FakeWorkspaces.release(work);
    try {
      databricksServer.shutdown();
      armServer.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
