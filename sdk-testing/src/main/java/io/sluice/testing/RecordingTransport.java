package io.sluice.testing;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.orchestrator.Orchestrator;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.core.spi.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * A {@link Transport} for tests: it keeps every definition and {@link RunOptions} submitted to it
 * and plays each run on the real orchestrator (the one the {@code local} and {@code orchestrated}
 * transports run on) with scripted step outcomes instead of running anything: every step completes,
 * except the steps given a fake failure, so that users can test their own error handling.
 * Scheduling, skips, continue-on-step-failure, the duplicate-run policy and the order of events are
 * therefore those of every orchestrated run. The run has ended when {@link #submit} returns, unless
 * a step is faked as running until canceled ({@link #fakeRunning(String)}); its events so far go to
 * the {@code RunOptions} listeners on the caller's thread, in order: run {@code RUNNING}, then step
 * by step (one at a time, ready steps in the definition's order) {@code RUNNING} and {@code
 * COMPLETED} or {@code FAILED}; a step that does not run shows one state alone: {@code SKIPPED}, or
 * {@code COMPLETED} when kept from an earlier attempt of the same run; then the run's final state.
 * What each step was given (arguments, widgets) is kept in {@link RecordedRun#calls(String)}.
 *
 * <p><b>Strict by default.</b> {@link #strict()} (and every shared instance) refuses a submission
 * whose definition has a remote step, a {@code DatabricksStep} or a step on any compute but a local
 * one, with no fake outcome configured for it ({@link #fakeCompleted(String)} or {@link
 * #fakeFailed(String, String)}): a test must say what the remote side does. {@link
 * #verifyAllFakesUsed()} fails when a fake outcome was never used, usually a misspelt step name or
 * a step that never ran. {@link #lenient()} completes remote steps without fakes.
 *
 * <p>Every submission is also checked as a real transport would check it: the definition must
 * round-trip through its canonical JSON, and each {@code RunOptions} parameter must be one of the
 * pipeline's, with a value of its type. A run id already submitted follows the {@link
 * DuplicateRunPolicy}: {@code REJECT} refuses it, {@code ALLOW_IF_FAILED} refuses it unless the
 * earlier run failed, and both {@code ALLOW_IF_FAILED} and {@code RESUME} keep the steps that
 * completed earlier with the same fingerprint.
 *
 * <p>A step failure stops the steps that depend on it ({@code SKIPPED}); unless the pipeline
 * continues on step failure, the steps not yet started are skipped too.
 *
 * <p>Runs are journaled in a temporary folder, one runs folder per run id, so that a run reuses
 * nothing from another run: the fake outcomes decide every run. Nothing is written to a datastore;
 * outputs are named {@code recording:/<datastore>/sluice/runs/<runId>/<step>/<output>}.
 *
 * <p><b>Instances.</b> Code under test usually gets its transport itself, with {@code
 * Sluice.transport("recording")} or the {@code sluice.transport} property, so the test cannot hold
 * the instance it gets. {@link RecordingTransportProvider} therefore hands out a shared instance,
 * {@link #shared()} (or {@link #shared(String)} with the configuration key {@value
 * RecordingTransportProvider#INSTANCE_KEY}), which the test reads back; call {@link #reset()}
 * before each test, and give tests that run in parallel instances of their own names. A test that
 * passes the transport to the code itself should use a new {@link #strict()} instance instead.
 *
 * <p>Thread-safe.
 */
public final class RecordingTransport implements Transport {

  /** The transport's name, by which {@code Sluice.transport(NAME)} finds it. */
  public static final String NAME = "recording";

  private static final ConcurrentMap<String, RecordingTransport> SHARED = new ConcurrentHashMap<>();

  /** Far longer than a run of scripted steps takes; only a broken orchestrator reaches it. */
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(1);

  private final Map<String, FakeOutcome> fakes = new LinkedHashMap<>();
  private final Set<String> usedFakes = new HashSet<>();
  private final List<Submission> submissions = new ArrayList<>();
  private boolean strict;
  private int runCounter;
  private Path runsFolder;

  private RecordingTransport(boolean strict) {
    this.strict = strict;
  }

  /**
   * A new transport that refuses remote steps without a fake outcome.
   *
   * @return the transport
   */
  public static RecordingTransport strict() {
    return new RecordingTransport(true);
  }

  /**
   * A new transport that completes every step not given a fake outcome, remote or not.
   *
   * @return the transport
   */
  public static RecordingTransport lenient() {
    return new RecordingTransport(false);
  }

  /**
   * The shared instance {@code Sluice.transport("recording")} returns; strict until told otherwise.
   *
   * @return the shared default instance
   */
  public static RecordingTransport shared() {
    return shared(RecordingTransportProvider.DEFAULT_INSTANCE);
  }

  /**
   * A named shared instance, the one {@code Sluice.transport("recording", Map.of("instance",
   * name))} returns; made strict on first use.
   *
   * @param instance the instance's name
   * @return the shared instance
   */
  public static RecordingTransport shared(String instance) {
    return SHARED.computeIfAbsent(Objects.requireNonNull(instance, "instance"), k -> strict());
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Returns whether remote steps need a fake outcome. */
  public synchronized boolean isStrict() {
    return strict;
  }

  /**
   * Chooses whether remote steps need a fake outcome.
   *
   * @param required true for strict (the default), false for lenient
   * @return this transport
   */
  public synchronized RecordingTransport requireFakesForRemoteSteps(boolean required) {
    this.strict = required;
    return this;
  }

  /**
   * Fakes a step's outcome as completed, in every later submission that has the step.
   *
   * @param stepName the step's name
   * @return this transport
   */
  public synchronized RecordingTransport fakeCompleted(String stepName) {
    fakes.put(Objects.requireNonNull(stepName, "stepName"), FakeOutcome.COMPLETES);
    return this;
  }

  /**
   * Fakes a step's outcome as failed, in every later submission that has the step: the step is
   * {@link StepState#FAILED} with this message and the run {@link RunState#FAILED}.
   *
   * @param stepName the step's name
   * @param message the failure message, as the step's status and the run's error show it
   * @return this transport
   */
  public synchronized RecordingTransport fakeFailed(String stepName, String message) {
    fakes.put(
        Objects.requireNonNull(stepName, "stepName"),
        FakeOutcome.fails(Objects.requireNonNull(message, "message")));
    return this;
  }

  /**
   * Fakes a step as running until its run is canceled, in every later submission that has the step:
   * {@code submit} then returns as soon as the step runs, with the run still going, so that a test
   * can cancel it. The step ends {@link StepState#CANCELED}; the events that follow reach the
   * listeners on the run's own thread.
   *
   * @param stepName the step's name
   * @return this transport
   */
  public synchronized RecordingTransport fakeRunning(String stepName) {
    fakes.put(Objects.requireNonNull(stepName, "stepName"), FakeOutcome.KEEPS_RUNNING);
    return this;
  }

  /**
   * Forgets every submission and fake outcome and makes the transport strict again, as new.
   *
   * @return this transport
   */
  public synchronized RecordingTransport reset() {
    fakes.clear();
    usedFakes.clear();
    submissions.clear();
    strict = true;
    runCounter = 0;
    deleteRunsFolder(); // earlier runs are forgotten, their ids free again
    return this;
  }

  /** Returns every accepted submission, oldest first. */
  public synchronized List<Submission> submissions() {
    return List.copyOf(submissions);
  }

  /**
   * The latest accepted submission.
   *
   * @return the submission
   * @throws AssertionError when nothing was submitted
   */
  public synchronized Submission lastSubmission() {
    if (submissions.isEmpty()) {
      throw new AssertionError(
          "Expected a pipeline to have been submitted to the recording transport, but none was");
    }
    return submissions.get(submissions.size() - 1);
  }

  /**
   * Fails when a fake outcome was never used: no submitted run reached its step. Call it at the end
   * of a test.
   *
   * @throws AssertionError naming each unused fake and the steps that did run
   */
  public synchronized void verifyAllFakesUsed() {
    List<String> unused =
        fakes.entrySet().stream()
            .filter(e -> !usedFakes.contains(e.getKey()))
            .map(e -> "'" + e.getKey() + "' (" + e.getValue().describe() + ")")
            .toList();
    if (!unused.isEmpty()) {
      Set<String> ran = new TreeSet<>();
      submissions.forEach(s -> ran.addAll(s.run().steps().keySet()));
      throw new AssertionError(
          "Expected every fake outcome to be used, but "
              + (unused.size() == 1 ? "this one was" : "these were")
              + " not: "
              + String.join(", ", unused)
              + "; "
              + (submissions.isEmpty()
                  ? "nothing was submitted"
                  : "the submitted runs had the steps "
                      + PipelineFacts.list(ran)
                      + " (a step skipped after a failure does not use its fake)")
              + "; fix the step name or remove the fake");
    }
  }

  /**
   * Records the submission and plays its run on the orchestrator.
   *
   * @param definition the compiled pipeline
   * @param options run id, parameters, listeners and secrets
   * @return the run, already ended unless a step is faked as running
   * @throws AssertionError when strict and a remote step has no fake outcome, or when the
   *     definition does not round-trip through its canonical JSON
   * @throws SluiceException when a parameter is unknown or of the wrong type, or the run id was
   *     already submitted and its policy refuses it
   */
  @Override
  public synchronized RecordedRun submit(PipelineDefinition definition, RunOptions options) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(options, "options");
    if (strict) {
      checkRemoteStepsAreFaked(definition);
    }
    checkRoundTrip(definition);
    String runId = options.runId().orElseGet(() -> NAME + "-" + (runCounter + 1));
    ScriptedStepExecutor executor = new ScriptedStepExecutor(fakes);
    EventRelay relay = new EventRelay(options.listeners());
    PipelineRun run =
        orchestrator(runId, executor)
            .submit(
                definition,
                RunOptions.builder().from(options).runId(runId).listeners(List.of(relay)).build());
    if (options.runId().isEmpty()) {
      runCounter++;
    }
    awaitEndOrRunningFakes(definition, run);
    usedFakes.addAll(executor.used());
    // Told here, once the run has ended (or its running fakes run), so that listeners hear every
    // event so far on the caller's thread.
    relay.release();
    RecordedRun recorded = new RecordedRun(definition, run, relay, executor);
    submissions.add(new Submission(definition, options, recorded));
    return recorded;
  }

  /**
   * An orchestrator for one run id: its own runs folder (so no other run's results are reused), the
   * scripted executor for every step, recorded datastores, one step at a time.
   */
  private Orchestrator orchestrator(String runId, ScriptedStepExecutor executor) {
    Path runs = runsFolder().resolve(runId);
    Orchestrator.Settings settings =
        Orchestrator.Settings.builder()
            .transport(NAME)
            .runsDirectory(runs)
            .baseDirectory(runs)
            .pythonEnvironments(
                (environment, extra) -> {
                  throw new IllegalStateException("A recorded run builds no Python environment");
                })
            .build();
    return Orchestrator.builder(settings)
        .stepExecutors(List.of(executor))
        .datastoreIos(List.of(new RecordingDatastoreIo()))
        .build();
  }

  private Path runsFolder() {
    if (runsFolder == null) {
      try {
        runsFolder = Files.createTempDirectory("sluice-recording-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return runsFolder;
  }

  private void deleteRunsFolder() {
    if (runsFolder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(runsFolder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    runsFolder = null;
  }

  /** Waits until the run has ended, or every step faked as running runs. */
  private void awaitEndOrRunningFakes(PipelineDefinition definition, PipelineRun run) {
    List<String> running =
        definition.steps().stream()
            .map(StepDefinition::name)
            .filter(step -> fakes.getOrDefault(step, FakeOutcome.COMPLETES).keepsRunning())
            .toList();
    Instant deadline = Instant.now().plus(RUN_TIMEOUT);
    while (!running.isEmpty()
        && !run.state().isTerminal()
        && !running.stream().allMatch(step -> run.steps().get(step).state() == StepState.RUNNING)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "Run '"
                + run.id()
                + "' neither ended nor ran its running fakes "
                + running
                + " within "
                + RUN_TIMEOUT
                + "; its steps: "
                + run.steps().values());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while run '" + run.id() + "' played", e);
      }
    }
    if (running.isEmpty() || run.state().isTerminal()) {
      try {
        run.waitForCompletion(RUN_TIMEOUT); // the journal and the events are complete only then
      } catch (PipelineRunException ended) {
        // The run ended FAILED: its steps say why.
      }
    }
  }

  private static void checkRoundTrip(PipelineDefinition definition) {
    PipelineDefinition back;
    try {
      back = PipelineDefinition.fromJson(definition.toJson());
    } catch (RuntimeException e) {
      throw new AssertionError(
          "Pipeline '"
              + definition.name()
              + "': the definition does not round-trip through its"
              + " canonical JSON, so no real transport could run it: "
              + e.getMessage(),
          e);
    }
    if (!back.equals(definition)) {
      throw new AssertionError(
          "Pipeline '"
              + definition.name()
              + "': the definition read back from its canonical JSON"
              + " differs from the one submitted; submit definitions made by PipelineCompiler");
    }
  }

  private void checkRemoteStepsAreFaked(PipelineDefinition definition) {
    Map<String, String> unfaked = new LinkedHashMap<>();
    for (StepDefinition step : definition.steps()) {
      if (!fakes.containsKey(step.name())) {
        remoteReason(definition, step)
            .ifPresent(r -> unfaked.put(step.name(), "'" + step.name() + "' (" + r + ")"));
      }
    }
    if (!unfaked.isEmpty()) {
      String first = unfaked.keySet().iterator().next();
      throw new AssertionError(
          "The strict recording transport needs a fake outcome for every remote step of pipeline '"
              + definition.name()
              + "', but "
              + (unfaked.size() == 1 ? "this one has" : "these have")
              + " none: "
              + String.join(", ", unfaked.values())
              + "; say what the remote side does with fakeCompleted(\""
              + first
              + "\") or fakeFailed(\""
              + first
              + "\", message), or use RecordingTransport.lenient()");
    }
  }

  /** Why a step is remote, or empty when it runs on this machine. */
  private static Optional<String> remoteReason(PipelineDefinition definition, StepDefinition step) {
    ComputeDefinition compute = definition.compute(step.compute()).orElse(null);
    String where;
    if (compute == null) {
      where = "local".equals(step.compute()) ? null : "compute '" + step.compute() + "'";
    } else if (compute instanceof ComputeDefinition.Databricks) {
      where = "Databricks compute '" + compute.name() + "'";
    } else if (compute instanceof ComputeDefinition.AmlCompute) {
      where = "Azure ML compute '" + compute.name() + "'";
    } else if (compute instanceof ComputeDefinition.Named) {
      where = "workspace compute '" + compute.name() + "'";
    } else {
      where = null;
    }
    if (StepDefinition.DATABRICKS.equals(step.type())) {
      return Optional.of("DatabricksStep" + (where == null ? "" : " on " + where));
    }
    return Optional.ofNullable(where).map(w -> step.type() + " on " + w);
  }

  @Override
  public String toString() {
    return "RecordingTransport{"
        + (isStrict() ? "strict" : "lenient")
        + ", "
        + submissions().size()
        + " submission(s)}";
  }
}
