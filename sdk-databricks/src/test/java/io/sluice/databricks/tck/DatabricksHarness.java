package io.sluice.databricks.tck;

import io.sluice.core.model.AdlsGen2Datastore;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.Secret;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.Transport;
import io.sluice.databricks.FakeDatabricks;
import io.sluice.databricks.FakePolling;
import io.sluice.databricks.TestComputes;
import io.sluice.databricks.transport.DatabricksTransport;
import io.sluice.testing.tck.StepBehaviour;
import io.sluice.testing.tck.StepInvocation;
import io.sluice.testing.tck.StepKind;
import io.sluice.testing.tck.TransportHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.mockwebserver.MockWebServer;

/**
 * The {@code databricks} transport against a fake workspace: a step's behaviour is scripted on the
 * fake's task of the same key, and what a step was given is read from the task it was submitted as.
 */
final class DatabricksHarness implements TransportHarness {
  static final String TOKEN = "dapi" + "5eed" + "0dd5" + "tck0canary0123456789abcdef";
  static final Secret TOKEN_SECRET = Secret.of("databricks-token", TOKEN);
  static final Secret LAKE_SECRET =
      Secret.of("lake-account-key", "TGFrZVRjaw" + "z".repeat(74) + "==");

  private final Path work;
  private final MockWebServer server = new MockWebServer();
  private final FakeDatabricks fake = new FakeDatabricks(TOKEN).timing(100, 300);
  private final Transport transport;

  DatabricksHarness(Path work) {
    this.work = work;
    server.setDispatcher(fake);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> settings = new HashMap<>(FakePolling.SETTINGS);
    settings.putAll(
        Map.of("baseDirectory", work.toString(), "maxRetries", "3", "retryDelay", "10"));
    transport = DatabricksTransport.create(settings);
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
    return TestComputes.databricks("http://127.0.0.1:" + server.getPort(), TOKEN_SECRET);
  }

  @Override
  public Datastore datastore() {
    return AdlsGen2Datastore.builder()
        .name("lake")
        .accountName("sluicelake")
        .fileSystem("work")
        .credential(DatastoreCredential.accountKey(LAKE_SECRET))
        .build();
  }

  @Override
  public void putData(String path, String content) {
    // The fake workspace never reads the lake: a path only has to be passed on.
  }

  @Override
  public void script(String step, StepBehaviour behaviour) {
    fake.succeedTask(step);
    behaviour.apply(() -> {}, message -> fake.failTask(step, message), () -> fake.hangTask(step));
  }

  @Override
  public List<StepInvocation> invocations(String step) {
    return fake.startedTasks(step).stream().map(DatabricksTasks::invocation).toList();
  }

  @Override
  public List<String> sideEffects() {
    return fake.calls().stream()
        .filter(c -> !c.method().equals("GET"))
        .map(c -> c.method() + " " + c.path())
        .toList();
  }

  @Override
  public String outboundText() {
    StringBuilder text = new StringBuilder();
    // A secret scope is where a credential belongs, as an Authorization header is.
    fake.calls().stream()
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
    return text.append(fake.storedText()).toString();
  }

  @Override
  public RunOptions.Builder runOptions() {
    return RunOptions.builder().addSecrets(TOKEN_SECRET, LAKE_SECRET);
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
