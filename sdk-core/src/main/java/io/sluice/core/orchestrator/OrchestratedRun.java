package io.sluice.core.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.SluiceException;
import io.sluice.core.definition.InputDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.implementation.CanonicalJson;
import io.sluice.core.implementation.Providers;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.Secret;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunListener;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunState;
import io.sluice.core.run.RunTimeoutException;
import io.sluice.core.run.StepState;
import io.sluice.core.run.StepStatus;
import io.sluice.core.spi.DatastoreIo;
import io.sluice.core.spi.StepExecutor;
import io.sluice.core.spi.StepFailedException;
import io.sluice.core.spi.StepLocation;
import io.sluice.core.spi.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of a pipeline under the {@link Orchestrator}. */
final class OrchestratedRun implements PipelineRun {
  private static final Logger LOGGER = LoggerFactory.getLogger(OrchestratedRun.class);

  private final Orchestrator.Settings settings;
  private final PipelineDefinition definition;
  private final RunOptions options;
  private final List<StepExecutor> executors;
  private final String runId;
  private final Path runDirectory;
  private final Map<String, StepStatus> statuses = new LinkedHashMap<>();
  private final Map<String, OutputRecord> outputs = new ConcurrentHashMap<>();
  private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<RunState> done = new CompletableFuture<>();
  private final Map<String, String> secrets = new HashMap<>();
  private final Map<String, String> parameterValues;
  private final DataPlane dataPlane;
  private final ReuseIndex reuse;
  private final List<JsonNode> history;
  private final RunJournal journal;
  private final MlflowRuns mlflow;
  private volatile RunState state = RunState.QUEUED;
  private volatile boolean canceled;

  OrchestratedRun(
      Orchestrator.Settings settings,
      PipelineDefinition definition,
      RunOptions options,
      List<StepExecutor> executors,
      List<DatastoreIo> datastoreIos) {
    this.settings = settings;
    this.definition = definition;
    this.options = options;
    this.executors = executors;
    // Checks that need no run id come first, so that a rejected submission leaves no run folder.
    this.parameterValues = ParameterValues.resolve(definition, options.parameters());
    DataPlane.checkDatastores(definition, datastoreIos);
    definition.steps().forEach(this::executor); // fail before anything runs, naming the artifact
    this.runId =
        options.runId().orElseGet(() -> RunIds.newRunDirectory(settings.runsDirectory(), definition.name()));
    this.runDirectory = settings.runsDirectory().resolve(runId);
    this.listeners.addAll(options.listeners());
    options.secrets().forEach(s -> s.value().ifPresent(v -> secrets.put(s.reference(), v)));
    this.history = admit();
    this.dataPlane = new DataPlane(definition, runId, runDirectory, datastoreIos, this::secret);
    this.reuse = new ReuseIndex(settings.runsDirectory());
    definition.steps().forEach(s -> statuses.put(s.name(), StepStatus.queued(s.name())));
    this.journal = RunJournal.open(runDirectory.resolve("journal.jsonl"));
    this.mlflow =
        new MlflowRuns(
            settings.mlflowTrackingUri().orElse("sqlite:///" + settings.runsDirectory().resolve("mlflow/mlflow.db")),
            options.experimentName().orElse(definition.name()),
            runId,
            settings.runsDirectory().resolve("mlflow"),
            history.stream()
                .filter(e -> e.get("type").asText().equals("mlflowParent"))
                .map(e -> e.get("runId").asText())
                .reduce((a, b) -> b),
            id -> journal.append(RunJournal.entry("mlflowParent").put("runId", id)));
  }

  /** Applies the duplicate-run policy; returns what an earlier attempt of this run journaled. */
  private List<JsonNode> admit() {
    Path file = runDirectory.resolve("journal.jsonl");
    List<JsonNode> entries = RunJournal.read(file);
    if (entries.isEmpty()) {
      return entries;
    }
    Optional<String> finished =
        entries.stream()
            .filter(e -> e.get("type").asText().equals("runFinished"))
            .map(e -> e.get("state").asText())
            .reduce((a, b) -> b);
    DuplicateRunPolicy policy = options.duplicateRunPolicy();
    boolean allowed =
        policy == DuplicateRunPolicy.RESUME
            || (policy == DuplicateRunPolicy.ALLOW_IF_FAILED
                && finished.filter(s -> !s.equals(RunState.COMPLETED.name())).isPresent());
    if (!allowed) {
      throw new SluiceException(
          "Run '"
              + runId
              + "' already exists in "
              + runDirectory
              + (finished.map(s -> " (" + s + ")").orElse(" (unfinished)"))
              + "; choose another runId, or set duplicateRunPolicy to RESUME (or ALLOW_IF_FAILED"
              + " to run a failed run again)");
    }
    return entries;
  }

  void start() {
    writeDefinition();
    journal.append(RunJournal.entry("runStarted").put("runId", runId).put("attempt", attempt()));
    Thread coordinator = new Thread(this::coordinate, "sluice-run-" + runId);
    coordinator.setDaemon(false);
    coordinator.start();
  }

  private int attempt() {
    return (int) history.stream().filter(e -> e.get("type").asText().equals("runStarted")).count() + 1;
  }

  // ------------------------------------------------------------------------------ scheduling

  private void coordinate() {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            settings.parallelism(),
            r -> {
              Thread t = new Thread(r, "sluice-step");
              t.setDaemon(true);
              return t;
            });
    ExecutorCompletionService<String> completions = new ExecutorCompletionService<>(pool);
    int running = 0;
    // Steps handed to the pool. They stay QUEUED until they start or are reused, so that a
    // reused step never shows as RUNNING.
    Set<String> dispatched = new HashSet<>();
    try {
      setState(RunState.RUNNING, "");
      restoreFromHistory();
      while (true) {
        boolean stopStarting = canceled || (!definition.continueOnStepFailure() && anyFailed());
        for (StepDefinition step : definition.steps()) {
          if (dispatched.contains(step.name()) || status(step.name()).state() != StepState.QUEUED) {
            continue;
          }
          Optional<String> blocker = blocker(step);
          if (blocker.isPresent()) {
            update(step.name(), StepState.SKIPPED, "not run: step '" + blocker.get() + "' did not succeed");
          } else if (stopStarting) {
            update(
                step.name(),
                canceled ? StepState.CANCELED : StepState.SKIPPED,
                canceled ? "run canceled" : "not started: a step failed and continueOnStepFailure is false");
          } else if (running < settings.parallelism() && ready(step)) {
            dispatched.add(step.name());
            completions.submit(() -> runStep(step), step.name());
            running++;
          }
        }
        if (running == 0) {
          break;
        }
        completions.take().get();
        running--;
      }
      finish();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done.completeExceptionally(e);
    } catch (ExecutionException | RuntimeException e) {
      LOGGER.error("Run {} stopped unexpectedly", runId, e);
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      // No step may be left looking as if it still ran (an Error escapes a step's own handling).
      steps().values().stream()
          .filter(s -> !s.state().isTerminal())
          .forEach(s -> update(s.step(), StepState.FAILED, "the run stopped: " + cause));
      setState(RunState.FAILED, String.valueOf(cause));
      done.complete(RunState.FAILED);
    } finally {
      pool.shutdownNow();
      journal.close();
    }
  }

  private void finish() {
    boolean failed = statuses().values().stream().anyMatch(s -> s.state() == StepState.FAILED);
    RunState end = canceled ? RunState.CANCELED : failed ? RunState.FAILED : RunState.COMPLETED;
    mlflow.finish(end == RunState.COMPLETED);
    journal.append(RunJournal.entry("runFinished").put("state", end.name()));
    setState(end, "");
    done.complete(end);
  }

  private Optional<String> blocker(StepDefinition step) {
    return step.dependsOn().stream()
        .filter(d -> {
          StepState s = status(d).state();
          return s.isTerminal() && !s.isSuccessful();
        })
        .findFirst();
  }

  private boolean ready(StepDefinition step) {
    return step.dependsOn().stream().allMatch(d -> status(d).state().isSuccessful());
  }

  private boolean anyFailed() {
    return statuses().values().stream().anyMatch(s -> s.state() == StepState.FAILED);
  }

  /** Steps an earlier attempt completed with the same fingerprint are not run again. */
  private void restoreFromHistory() {
    for (JsonNode entry : history) {
      String type = entry.get("type").asText();
      if (type.equals("process")) {
        killOrphan(entry);
      }
      if (!type.equals("stepCompleted")) {
        continue;
      }
      String name = entry.get("step").asText();
      Optional<StepDefinition> step = definition.step(name);
      if (step.isEmpty() || !step.get().fingerprint().value().equals(entry.get("fingerprint").asText())) {
        continue;
      }
      Map<String, OutputRecord> recorded = readOutputs(entry.get("outputs"));
      if (recorded.values().stream().allMatch(dataPlane::intact)) {
        outputs.putAll(recorded);
        update(name, StepState.valueOf(entry.get("state").asText()), "kept from an earlier attempt of this run");
      }
    }
  }

  /** A step process left running by a runner that died is stopped before its step runs again. */
  private static void killOrphan(JsonNode entry) {
    long pid = entry.get("pid").asLong();
    String started = entry.path("started").asText("");
    ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().startInstant().map(Instant::toString).orElse("").equals(started))
        .ifPresent(
            p -> {
              LOGGER.info("Stopping process {} left running by an earlier attempt", pid);
              StepProcess.stop(p);
            });
  }

  // ------------------------------------------------------------------------------ one step

  private String runStep(StepDefinition step) {
    String name = step.name();
    try {
      Map<String, String> inputHashes = new LinkedHashMap<>();
      for (InputDefinition input : step.inputs()) {
        inputHashes.put(input.name(), dataPlane.inputHash(input, outputs));
      }
      String key = reuseKey(step, inputHashes);
      if (step.allowReuse() && !options.forceRerun()) {
        Optional<ReuseIndex.Entry> earlier = reuse.find(key);
        if (earlier.isPresent() && earlier.get().outputs().values().stream().allMatch(dataPlane::intact)) {
          complete(step, StepState.REUSED, earlier.get().outputs(), earlier.get().result(),
              "reused run " + earlier.get().runId() + ": nothing changed");
          return name;
        }
      }
      List<String> reasons = options.forceRerun() ? List.of("rerun forced") : reuse.changes(definition.name(), step, inputHashes);
      update(name, StepState.RUNNING, reasons.isEmpty() ? "" : "runs because " + String.join(", ", reasons));
      journal.append(RunJournal.entry("stepStarted").put("step", name).put("fingerprint", step.fingerprint().value()));
      StepExecutor executor = executor(step);
      LocalStepContext context = context(step, executor);
      StepResult result = executor.execute(context);
      Map<String, OutputRecord> stored = new LinkedHashMap<>();
      context.outputs().forEach((output, location) ->
          stored.put(output, dataPlane.store(output, location, !executor.writesOutputsInPlace())));
      complete(step, StepState.COMPLETED, stored, result.value(), result.value());
      if (step.allowReuse()) {
        reuse.record(key, new ReuseIndex.Entry(runId, name, stored, result.value()), definition.name(), step, inputHashes);
      }
    } catch (RuntimeException e) {
      String message = e instanceof StepFailedException || e instanceof SluiceException ? e.getMessage() : e.toString();
      if (!(e instanceof SluiceException)) {
        LOGGER.error("Step {} failed unexpectedly", name, e);
      }
      journal.append(RunJournal.entry("stepFailed").put("step", name).put("message", message));
      update(name, canceled ? StepState.CANCELED : StepState.FAILED, message);
    }
    return name;
  }

  private void complete(
      StepDefinition step, StepState state, Map<String, OutputRecord> stored, String result, String message) {
    ObjectNode entry =
        RunJournal.entry("stepCompleted")
            .put("step", step.name())
            .put("state", state.name())
            .put("fingerprint", step.fingerprint().value())
            .put("result", result);
    entry.set("outputs", CanonicalJson.MAPPER.valueToTree(stored));
    journal.append(entry);
    outputs.putAll(stored);
    update(step.name(), state, message);
  }

  private LocalStepContext context(StepDefinition step, StepExecutor executor) {
    Path stepDirectory = runDirectory.resolve("steps").resolve(step.name());
    Map<String, StepLocation> inputs = new LinkedHashMap<>();
    for (InputDefinition input : step.inputs()) {
      inputs.put(input.name(), dataPlane.input(input, outputs, stepDirectory.resolve("inputs")));
    }
    Map<String, StepLocation> stepOutputs = new LinkedHashMap<>();
    for (String output : step.outputs()) {
      StepLocation location = dataPlane.output(output);
      createDirectories(definition.data(output).orElseThrow().directory() ? location.localPath() : location.localPath().getParent());
      stepOutputs.put(output, location);
    }
    Map<String, String> executorSettings =
        executor.settingsNamespace().map(settings::executorSettings).orElse(Map.of());
    return new LocalStepContext(this, step, stepDirectory, inputs, stepOutputs, executorSettings);
  }

  private StepExecutor executor(StepDefinition step) {
    ComputeTarget compute = definition.compute(step.compute()).orElseThrow();
    return executors.stream()
        .filter(e -> e.supports(step, compute, settings.transport()))
        .findFirst()
        .orElseThrow(
            () ->
                Providers.notFound(
                    StepExecutor.class,
                    "step executor",
                    settings.transport() + (step.type().equals(StepDefinition.DATABRICKS) ? "-databricks" : "-python"),
                    executors.stream().map(StepExecutor::name).toList()));
  }

  private String reuseKey(StepDefinition step, Map<String, String> inputHashes) {
    String text =
        step.fingerprint().value()
            + "\n"
            + inputHashes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"))
            + "\n"
            + parameterValues.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------ shared with the step context

  Orchestrator.Settings settings() {
    return settings;
  }

  PipelineDefinition definition() {
    return definition;
  }

  String runIdValue() {
    return runId;
  }

  Map<String, String> parameterValues() {
    return parameterValues;
  }

  MlflowRuns mlflow() {
    return mlflow;
  }

  RunJournal journal() {
    return journal;
  }

  /** The remote run an earlier attempt recorded for a step that did not finish. */
  Optional<String> remoteRunId(String step) {
    return history.stream()
        .filter(e -> e.get("type").asText().equals("remoteRun") && e.get("step").asText().equals(step))
        .map(e -> e.get("id").asText())
        .reduce((a, b) -> b);
  }

  boolean canceled() {
    return canceled;
  }

  Map<String, String> pathMappings(LocalStepContext context) {
    Map<String, String> mappings = new LinkedHashMap<>();
    context.inputs().values().forEach(l -> mappings.put(l.uri(), l.localPath().toString()));
    context.outputs().values().forEach(l -> mappings.put(l.uri(), l.localPath().toString()));
    return mappings;
  }

  String secret(String reference) {
    String value = secrets.get(reference);
    if (value == null) {
      value = Secret.reference(reference).value().orElse(null);
    }
    if (value == null) {
      throw new SluiceException(
          "Secret '" + reference + "' has no value in this run; pass it with RunOptions.builder().addSecrets(...)"
              + " or submit through Sluice.submit(pipeline, options), which adds the pipeline's secrets");
    }
    return value;
  }

  Function<String, String> secretResolver() {
    return this::secret;
  }

  void emit(RunEvent event) {
    for (RunListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOGGER.warn("A run listener failed on {}", event.getClass().getSimpleName(), e);
      }
    }
  }

  // ------------------------------------------------------------------------------ state

  private synchronized StepStatus status(String step) {
    return statuses.get(step);
  }

  private void update(String step, StepState newState, String message) {
    StepStatus status;
    synchronized (this) {
      StepStatus old = statuses.get(step);
      Instant now = Instant.now();
      Optional<Instant> started =
          newState == StepState.RUNNING ? old.startedAt().or(() -> Optional.of(now)) : old.startedAt();
      Optional<Instant> ended = newState.isTerminal() ? Optional.of(now) : Optional.empty();
      status = new StepStatus(step, newState, started, ended, message == null ? "" : message);
      statuses.put(step, status);
    }
    emit(new RunEvent.StepStateChanged(runId, status));
  }

  private void setState(RunState newState, String message) {
    state = newState;
    emit(new RunEvent.RunStateChanged(runId, newState, message));
  }

  // ------------------------------------------------------------------------------ PipelineRun

  @Override
  public String id() {
    return runId;
  }

  @Override
  public String pipelineName() {
    return definition.name();
  }

  @Override
  public RunState state() {
    return state;
  }

  @Override
  public synchronized Map<String, StepStatus> steps() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
  }

  private Map<String, StepStatus> statuses() {
    return steps();
  }

  @Override
  public RunState waitForCompletion(Duration timeout) {
    RunState end;
    try {
      end = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RunTimeoutException("Run '" + runId + "' is still " + state + " after " + timeout + "; it goes on");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException("Interrupted while waiting for run '" + runId + "'", e);
    } catch (ExecutionException e) {
      throw new SluiceException("Run '" + runId + "' stopped: " + e.getCause().getMessage(), e.getCause());
    }
    if (end != RunState.COMPLETED) {
      List<StepStatus> failed =
          steps().values().stream().filter(s -> s.state() == StepState.FAILED).toList();
      throw new PipelineRunException(
          "Run '"
              + runId
              + "' of pipeline '"
              + definition.name()
              + "' ended "
              + end
              + (failed.isEmpty() ? "" : ":\n" + failed.stream().map(s -> "step '" + s.step() + "' failed: " + s.message()).collect(Collectors.joining("\n")))
              + "\nRun folder: "
              + runDirectory,
          end,
          failed);
    }
    return end;
  }

  @Override
  public void cancel() {
    canceled = true;
  }

  @Override
  public Map<String, URI> outputs() {
    Map<String, URI> uris = new LinkedHashMap<>();
    outputs.forEach((name, record) -> uris.put(name, toUri(record.uri())));
    return uris;
  }

  private static URI toUri(String location) {
    return location.contains("://") ? URI.create(location) : Path.of(location).toUri();
  }

  @Override
  public void addListener(RunListener listener) {
    listeners.add(listener);
  }

  /** @return the run's folder: definition, journal, step logs */
  Path runDirectory() {
    return runDirectory;
  }

  // ------------------------------------------------------------------------------ helpers

  private void writeDefinition() {
    try {
      Files.createDirectories(runDirectory);
      Files.writeString(runDirectory.resolve("definition.json"), definition.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, OutputRecord> readOutputs(JsonNode node) {
    Map<String, OutputRecord> records = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> records.put(e.getKey(), CanonicalJson.MAPPER.convertValue(e.getValue(), OutputRecord.class)));
    return records;
  }

  private static void createDirectories(Path path) {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
