package io.sluice.core.orchestrator;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunListener;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunSecrets;
import io.sluice.core.run.RunState;
import io.sluice.core.run.RunTimeoutException;
import io.sluice.core.run.StepState;
import io.sluice.core.run.StepStatus;
import io.sluice.core.semantics.RunParameters;
import io.sluice.core.spi.DatastoreIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a pipeline under the {@link Orchestrator}: admitted by {@link RunAdmission}, resumed
 * from its {@link JournalReplay}, walked by the {@link StepScheduler}, each step run by the {@link
 * StepRunner}, and its progress told through {@link RunProgress}.
 */
final class OrchestratedRun implements PipelineRun {
  private static final Logger LOGGER = LoggerFactory.getLogger(OrchestratedRun.class);

  private final Orchestrator.Settings settings;
  private final Clock clock;
  private final PipelineDefinition definition;
  private final RunAdmission admission;
  private final RunSecrets secrets;
  private final RunProgress progress;
  private final Map<String, OutputRecord> outputs = new ConcurrentHashMap<>();
  private final CompletableFuture<RunState> done = new CompletableFuture<>();
  private final DataPlane dataPlane;
  private final Map<String, String> parameterValues;
  private final RunJournal journal;
  private final MlflowRuns mlflow;
  private final StepRunner stepRunner;
  private volatile boolean canceled;

  OrchestratedRun(
      Orchestrator.Settings settings,
      Clock clock,
      PipelineDefinition definition,
      RunOptions options,
      StepExecutors executors,
      List<DatastoreIo> datastoreIos) {
    this.settings = settings;
    this.clock = clock;
    this.definition = definition;
    this.admission =
        RunAdmission.admit(settings, clock, definition, options, executors, datastoreIos);
    this.secrets = RunSecrets.of(options);
    this.progress = new RunProgress(admission.runId(), definition, options.listeners(), clock);
    this.dataPlane =
        new DataPlane(
            definition, admission.runId(), admission.runDirectory(), datastoreIos, secrets::value);
    this.parameterValues = admission.parameters().texts(dataPlane::locate);
    this.journal = RunJournal.open(admission.runDirectory().resolve(RunAdmission.JOURNAL));
    this.mlflow =
        new MlflowRuns(
            settings
                .mlflowTrackingUri()
                .orElse("sqlite:///" + settings.runsDirectory().resolve("mlflow/mlflow.db")),
            options.experimentName().orElse(definition.name()),
            admission.runId(),
            settings.runsDirectory().resolve("mlflow"),
            admission.earlier().mlflowParentRunId(),
            id -> journal.append(new JournalEntry.MlflowParentRecorded(clock.instant(), id)));
    this.stepRunner =
        new StepRunner(
            this,
            executors,
            dataPlane,
            new ReuseIndex(settings.runsDirectory()),
            progress,
            outputs,
            options.forceRerun());
  }

  /** Writes the definition and starts the run on a thread of its own. */
  void start() {
    writeDefinition();
    journal.append(
        new JournalEntry.RunStarted(
            clock.instant(), admission.runId(), admission.earlier().nextAttempt()));
    Thread coordinator = new Thread(this::coordinate, "sluice-run-" + admission.runId());
    coordinator.setDaemon(false);
    coordinator.start();
  }

  private void coordinate() {
    StepScheduler scheduler =
        new StepScheduler(
            definition, settings.parallelism(), progress, this::canceled, stepRunner::run);
    try {
      progress.setState(RunState.RUNNING, "");
      keepEarlierResults();
      scheduler.runAll();
      finish();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done.completeExceptionally(e);
    } catch (ExecutionException | RuntimeException e) {
      LOGGER.error("Run {} stopped unexpectedly", admission.runId(), e);
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      // No step may be left looking as if it still ran (an Error escapes a step's own handling).
      progress.steps().values().stream()
          .filter(s -> !s.state().isTerminal())
          .forEach(s -> progress.update(s.step(), StepState.FAILED, "the run stopped: " + cause));
      progress.setState(RunState.FAILED, String.valueOf(cause));
      done.complete(RunState.FAILED);
    } finally {
      scheduler.close();
      journal.close();
    }
  }

  /** Steps an earlier attempt finished with the same fingerprint are not run again. */
  private void keepEarlierResults() {
    JournalReplay earlier = admission.earlier();
    earlier.stopOrphanProcesses();
    for (JournalReplay.KeptStep kept : earlier.keptSteps(definition, dataPlane::intact)) {
      outputs.putAll(kept.outputs());
      progress.update(kept.step(), kept.state(), "kept from an earlier attempt of this run");
    }
  }

  private void finish() {
    RunState end =
        canceled ? RunState.CANCELED : progress.anyFailed() ? RunState.FAILED : RunState.COMPLETED;
    mlflow.finish(end == RunState.COMPLETED);
    journal.append(new JournalEntry.RunFinished(clock.instant(), end));
    progress.setState(end, "");
    done.complete(end);
  }

  // ------------------------------------------------------------------------------ shared with the
  // steps

  Orchestrator.Settings settings() {
    return settings;
  }

  Clock clock() {
    return clock;
  }

  PipelineDefinition definition() {
    return definition;
  }

  String runIdValue() {
    return admission.runId();
  }

  /** Returns the run's folder: definition, journal, step logs. */
  Path runDirectory() {
    return admission.runDirectory();
  }

  /** Returns every parameter's value as text, a data path as this machine locates it. */
  Map<String, String> parameterValues() {
    return parameterValues;
  }

  RunParameters parameters() {
    return admission.parameters();
  }

  MlflowRuns mlflow() {
    return mlflow;
  }

  RunJournal journal() {
    return journal;
  }

  /** The remote run an earlier attempt recorded for a step and left running. */
  Optional<String> remoteRunId(String step) {
    return admission.earlier().remoteRunId(step);
  }

  /** The key a step's remote run is submitted under in this attempt. */
  String idempotencyKey(String step) {
    return IdempotencyKeys.of(admission.runId(), step, admission.earlier().submissionAttempt(step));
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
    return secrets.value(reference);
  }

  void emit(RunEvent event) {
    progress.emit(event);
  }

  // ------------------------------------------------------------------------------ PipelineRun

  @Override
  public String id() {
    return admission.runId();
  }

  @Override
  public String pipelineName() {
    return definition.name();
  }

  @Override
  public RunState state() {
    return progress.state();
  }

  @Override
  public Map<String, StepStatus> steps() {
    return progress.steps();
  }

  @Override
  public RunState waitForCompletion(Duration timeout) {
    String runId = admission.runId();
    RunState end;
    try {
      end = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RunTimeoutException(
          "Run '" + runId + "' is still " + state() + " after " + timeout + "; it goes on");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException("Interrupted while waiting for run '" + runId + "'", e);
    } catch (ExecutionException e) {
      throw new SluiceException(
          "Run '" + runId + "' stopped: " + e.getCause().getMessage(), e.getCause());
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
              + (failed.isEmpty()
                  ? ""
                  : ":\n"
                      + failed.stream()
                          .map(s -> "step '" + s.step() + "' failed: " + s.message())
                          .collect(Collectors.joining("\n")))
              + "\nRun folder: "
              + admission.runDirectory(),
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

  /** A datastore URI as it is, a path on this machine as a {@code file:} URI. */
  private static URI toUri(String location) {
    try {
      URI uri = new URI(location);
      // One letter is a Windows drive, not a scheme.
      if (uri.getScheme() != null && uri.getScheme().length() > 1) {
        return uri;
      }
    } catch (URISyntaxException notAUri) {
      // A path with characters a URI cannot hold.
    }
    return Path.of(location).toUri();
  }

  @Override
  public void addListener(RunListener listener) {
    progress.addListener(listener);
  }

  private void writeDefinition() {
    try {
      Files.createDirectories(admission.runDirectory());
      Files.writeString(
          admission.runDirectory().resolve(RunAdmission.DEFINITION), definition.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
