package io.sluice.core.orchestrator;

import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.PythonScriptTask;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.run.RunEvent;
import io.sluice.core.semantics.DataLocationResolver;
import io.sluice.core.spi.ProcessSpec;
import io.sluice.core.spi.PythonEnvironments;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@link StepContext} the orchestrator gives an executor for one step of one run. */
final class LocalStepContext implements StepContext {
  private static final int TAIL_LINES = 200;

  private final OrchestratedRun run;
  private final StepDefinition step;
  private final Path stepDirectory;
  private final Map<String, StepLocation> inputs;
  private final Map<String, StepLocation> outputs;
  private final Map<String, String> settings;
  private final Instant started;
  private final Deque<String> tail = new ArrayDeque<>();

  LocalStepContext(
      OrchestratedRun run,
      StepDefinition step,
      Path stepDirectory,
      Map<String, StepLocation> inputs,
      Map<String, StepLocation> outputs,
      Map<String, String> settings) {
    this.run = run;
    this.step = step;
    this.stepDirectory = stepDirectory;
    this.inputs = Map.copyOf(inputs);
    this.outputs = new LinkedHashMap<>(outputs);
    this.settings = Map.copyOf(settings);
    this.started = run.clock().instant();
  }

  @Override
  public String runId() {
    return run.runIdValue();
  }

  @Override
  public PipelineDefinition definition() {
    return run.definition();
  }

  @Override
  public StepDefinition step() {
    return step;
  }

  @Override
  public Path baseDirectory() {
    return run.settings().baseDirectory();
  }

  @Override
  public Path stepDirectory() {
    return stepDirectory;
  }

  @Override
  public Map<String, StepLocation> inputs() {
    return inputs;
  }

  @Override
  public Map<String, StepLocation> outputs() {
    return java.util.Collections.unmodifiableMap(outputs);
  }

  @Override
  public Map<String, Path> pathMappings() {
    Map<String, Path> mappings = new LinkedHashMap<>();
    run.pathMappings(this).forEach((uri, path) -> mappings.put(uri, Path.of(path)));
    return mappings;
  }

  @Override
  public Map<String, String> parameterValues() {
    return run.parameterValues();
  }

  @Override
  public Map<String, String> parameterValues(DataLocationResolver resolver) {
    return run.parameters().texts(resolver);
  }

  @Override
  public Map<String, String> environmentVariables() {
    return Map.of("SLUICE_RUN_ID", runId(), "SLUICE_STEP_NAME", step.name());
  }

  @Override
  public Map<String, String> mlflowEnvironment(Path python) {
    return run.mlflow().forStep(python, step.name());
  }

  @Override
  public Map<String, String> settings() {
    return settings;
  }

  @Override
  public Optional<Duration> timeout() {
    Integer seconds =
        step.task() instanceof PythonScriptTask script
            ? script.maxRunDurationSeconds()
            : ((DatabricksTask) step.task()).timeoutSeconds();
    return Optional.ofNullable(seconds).map(Duration::ofSeconds);
  }

  @Override
  public PythonEnvironments pythonEnvironments() {
    return run.settings().pythonEnvironments();
  }

  @Override
  public String secret(String reference) {
    return run.secret(reference);
  }

  @Override
  public int runProcess(ProcessSpec process) {
    Path logs = stepDirectory.resolve("logs");
    try {
      Files.createDirectories(logs);
      try (Writer out = writer(logs.resolve("stdout.log"));
          Writer err = writer(logs.resolve("stderr.log"))) {
        Instant deadline = timeout().map(started::plus).orElse(null);
        return StepProcess.run(
            process,
            deadline,
            run.clock(),
            run::canceled,
            pid ->
                run.journal()
                    .append(
                        new JournalEntry.ProcessStarted(
                            run.clock().instant(),
                            step.name(),
                            pid,
                            ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()))),
            (stderr, line) -> {
              StepProcess.write(stderr ? err : out, line);
              remember(line);
              run.emit(new RunEvent.StepOutput(runId(), step.name(), stderr, line));
            },
            step.name());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (StepTimeoutException e) {
      throw new StepTimeoutException(
          e.getMessage()
              + " after "
              + timeout().orElseThrow().toSeconds()
              + "s (its time limit)\n"
              + logTail(20));
    }
  }

  private synchronized void remember(String line) {
    tail.addLast(line);
    if (tail.size() > TAIL_LINES) {
      tail.removeFirst();
    }
  }

  @Override
  public synchronized String logTail(int lines) {
    return String.join("\n", tail.stream().skip(Math.max(0, tail.size() - lines)).toList());
  }

  @Override
  public String idempotencyKey() {
    return run.idempotencyKey(step.name());
  }

  @Override
  public Optional<String> remoteRunId() {
    return run.remoteRunId(step.name());
  }

  @Override
  public void recordRemoteRunId(String id) {
    run.journal()
        .append(new JournalEntry.RemoteRunRecorded(run.clock().instant(), step.name(), id));
  }

  @Override
  public boolean isCanceled() {
    return run.canceled();
  }

  private static Writer writer(Path file) throws IOException {
    return Files.newBufferedWriter(
        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
