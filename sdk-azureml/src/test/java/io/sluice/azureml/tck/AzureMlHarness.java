package io.sluice.azureml.tck;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.azureml.ArmMock;
import io.sluice.azureml.FakeAzureMl;
import io.sluice.azureml.transport.AzureMlTransport;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import io.sluice.core.model.AmlCompute;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.Secret;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.Transport;
import io.sluice.testing.tck.StepBehaviour;
import io.sluice.testing.tck.StepInvocation;
import io.sluice.testing.tck.StepKind;
import io.sluice.testing.tck.TransportHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code azureml} transport against a fake workspace: a step's behaviour is scripted on the
 * fake's node of the same name, and what a step was given is read from the pipeline job it was
 * submitted in. Code snapshots are recorded by the fake, never sent.
 */
final class AzureMlHarness implements TransportHarness {
  static final Secret ARM_TOKEN =
      Secret.of("arm-token", "eyJ0eXAi" + "OiJKV1Qi" + "tck0canary0arm0token0123456789");
  static final Secret LAKE_KEY =
      Secret.of("lake-account-key", "TGFrZVRjaw" + "y".repeat(74) + "==");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path work;
  private final FakeAzureMl fake = new FakeAzureMl().timing(100, 300);
  private final ArmMock arm = new ArmMock(fake);
  private final Transport transport;

  AzureMlHarness(Path work) {
    this.work = work;
    transport =
        new AzureMlTransport(
            arm.builder()
                .pipeline(
                    new SluiceHttpPipelineBuilder()
                        .bearerToken(ARM_TOKEN.value().orElseThrow())
                        .retryOptions(
                            new RetryOptions(
                                new ExponentialBackoffOptions()
                                    .setBaseDelay(Duration.ofMillis(1))
                                    .setMaxDelay(Duration.ofMillis(5))))
                        .build())
                .snapshotUploader(fake.uploader())
                .buildClient(),
            work,
            null,
            Duration.ofMillis(20));
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
    return Set.of(StepKind.PYTHON_SCRIPT);
  }

  @Override
  public ComputeTarget compute(StepKind kind) {
    return kind == StepKind.PYTHON_SCRIPT
        ? AmlCompute.builder().name("cpu-cluster").vmSize("Standard_DS3_v2").maxNodes(2).build()
        : DatabricksCompute.of("dbx");
  }

  @Override
  public Datastore datastore() {
    return AzureBlobDatastore.builder()
        .name("lake")
        .accountName("sluicelake")
        .containerName("work")
        .credential(DatastoreCredential.accountKey(LAKE_KEY))
        .build();
  }

  @Override
  public void putData(String path, String content) {
    // The fake workspace never reads the datastore: a path only has to be bound.
  }

  @Override
  public void script(String step, StepBehaviour behaviour) {
    behaviour.apply(
        () -> fake.succeedStep(step),
        message -> fake.failStep(step, message),
        () -> fake.hangStep(step));
  }

  @Override
  public List<StepInvocation> invocations(String step) {
    return fake.pipelineJobsStarting(step).stream()
        .map(body -> NodeInvocation.of(body, step))
        .toList();
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
    for (FakeAzureMl.Call call : fake.calls()) {
      text.append(call.method())
          .append(' ')
          .append(call.path())
          .append('?')
          .append(call.query())
          .append('\n')
          .append(withoutDatastoreSecrets(call))
          .append('\n');
    }
    return text.toString();
  }

  /** A datastore's registration is where its credential belongs, as an Authorization header is. */
  private static String withoutDatastoreSecrets(FakeAzureMl.Call call) {
    if (!call.method().equals("PUT") || !call.path().startsWith("datastores/")) {
      return call.body();
    }
    try {
      JsonNode body = JSON.readTree(call.body());
      ((ObjectNode) body.path("properties").path("credentials")).remove("secrets");
      return body.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public RunOptions.Builder runOptions() {
    return RunOptions.builder().addSecrets(ARM_TOKEN, LAKE_KEY);
  }

  @Override
  public void close() {
    arm.close(); // checks every ARM request against the Azure ML specification
  }
}
