package io.sluice.testing.tck;

import io.sluice.core.Sluice;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The {@code local} transport, running steps as real Python processes on this machine. */
final class LocalHarness implements TransportHarness {
  private final Path work;
  private final ObservedSources sources;
  private final Transport transport;

  LocalHarness(Path work) {
    this.work = work;
    this.sources = new ObservedSources(work);
    this.transport =
        Sluice.transport("local", Map.of("baseDirectory", work.toString(), "parallelism", "2"));
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
        ? ComputeTarget.local()
        : ComputeTarget.named("databricks");
  }

  @Override
  public Datastore datastore() {
    return LocalDatastore.of("workspace", work.resolve("store").toString());
  }

  @Override
  public void putData(String path, String content) {
    try {
      Path file = work.resolve("store").resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void script(String step, StepBehaviour behaviour) {
    sources.script(step, behaviour);
  }

  @Override
  public List<StepInvocation> invocations(String step) {
    return sources.invocations(step);
  }

  @Override
  public List<String> sideEffects() {
    List<String> effects = new ArrayList<>(sources.startedSteps());
    Path runs = work.resolve("sluice-runs");
    if (Files.isDirectory(runs)) {
      try (Stream<Path> files = Files.list(runs)) {
        files.map(p -> "run folder " + p.getFileName()).sorted().forEach(effects::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return effects;
  }

  @Override
  public String outboundText() {
    StringBuilder text = new StringBuilder();
    Path runs = work.resolve("sluice-runs");
    if (!Files.isDirectory(runs)) {
      return "";
    }
    try (Stream<Path> files = Files.walk(runs)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        try {
          text.append(
              StandardCharsets.UTF_8
                  .newDecoder()
                  .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))));
        } catch (CharacterCodingException binary) {
          // A binary file (an MLflow database) holds no text the contract reads.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  @Override
  public RunOptions.Builder runOptions() {
    return RunOptions.builder();
  }

  @Override
  public void close() {}
}
