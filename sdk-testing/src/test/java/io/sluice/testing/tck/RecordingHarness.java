package io.sluice.testing.tck;

import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.Transport;
import io.sluice.testing.RecordingTransport;
import io.sluice.testing.StepCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code recording} transport: steps are scripted with its fake outcomes, and what a step was
 * given is what the transport recorded for it.
 */
final class RecordingHarness implements TransportHarness {
  private final Path work;
  private final RecordingTransport transport = RecordingTransport.lenient();

  RecordingHarness(Path work) {
    this.work = work;
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
        ? ComputeTarget.local()
        : ComputeTarget.named("databricks");
  }

  @Override
  public Datastore datastore() {
    return LocalDatastore.of("workspace", work.resolve("store").toString());
  }

  @Override
  public void putData(String path, String content) {
    // A recorded run reads nothing.
  }

  @Override
  public void script(String step, StepBehaviour behaviour) {
    behaviour.apply(
        () -> transport.fakeCompleted(step),
        message -> transport.fakeFailed(step, message),
        () -> transport.fakeRunning(step));
  }

  @Override
  public List<StepInvocation> invocations(String step) {
    List<StepInvocation> invocations = new ArrayList<>();
    transport.submissions().stream()
        .filter(s -> s.run().steps().containsKey(step))
        .flatMap(s -> s.run().calls(step).stream())
        .map((StepCall c) -> new StepInvocation(c.arguments(), c.widgets(), c.environment()))
        .forEach(invocations::add);
    return invocations;
  }

  @Override
  public List<String> sideEffects() {
    return transport.submissions().stream().map(s -> "submitted run " + s.run().id()).toList();
  }

  @Override
  public String outboundText() {
    return ""; // a recorded run sends nothing out of the process
  }

  @Override
  public RunOptions.Builder runOptions() {
    return RunOptions.builder();
  }

  @Override
  public void close() {
    transport.reset();
  }
}
