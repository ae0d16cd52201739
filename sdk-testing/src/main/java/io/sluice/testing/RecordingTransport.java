package io.sluice.testing;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.DataDefinition;
import io.sluice.core.definition.ParameterDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.model.AmlCompute;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunListener;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunState;
import io.sluice.core.run.StepState;
import io.sluice.core.run.StepStatus;
import io.sluice.core.spi.Transport;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * A {@link Transport} for tests: it keeps every definition and {@link RunOptions} submitted to it
 * and, instead of running anything, plays a run in which every step completes, except the steps
 * given a fake failure, so that users can test their own error handling. The run has ended when
 * {@link #submit} returns; its events go to the {@code RunOptions} listeners on the caller's
 * thread, in order: run {@code QUEUED}, run {@code RUNNING}, then step by step in the definition's
 * order {@code RUNNING} and {@code COMPLETED} or {@code FAILED} (or {@code SKIPPED} or {@code
 * REUSED}), then the run's final state.
 *
 * <p><b>Strict by default.</b> {@link #strict()} (and every shared instance) refuses a submission
 * whose definition has a remote step, a {@code DatabricksStep} or a step on any compute but a
 * local one, with no fake outcome configured for it ({@link #fakeCompleted(String)} or {@link
 * #fakeFailed(String, String)}): a test must say what the remote side does. {@link
 * #verifyAllFakesUsed()} fails when a fake outcome was never used, usually a misspelt step name
 * or a step that never ran. {@link #lenient()} completes remote steps without fakes.
 *
 * <p>Every submission is also checked as a real transport would check it: the definition must
 * round-trip through its canonical JSON, and each {@code RunOptions} parameter must be one of the
 * pipeline's, with a value of its type. A run id already submitted follows the {@link
 * DuplicateRunPolicy}: {@code REJECT} refuses it, {@code ALLOW_IF_FAILED} refuses it unless the
 * earlier run failed, {@code RESUME} reuses the steps that succeeded earlier with the same
 * definition.
 *
 * <p>A step failure stops the steps that depend on it ({@code SKIPPED}); unless the pipeline
 * continues on step failure, the steps not yet started are skipped too.
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

  /** A fake outcome for one step: a failure message, or null for completion. */
  private record Fake(String failure) {
    String describe() {
      return failure == null ? "completes" : "fails: " + failure;
    }
  }

  private final Map<String, Fake> fakes = new LinkedHashMap<>();
  private final Set<String> usedFakes = new HashSet<>();
  private final List<Submission> submissions = new ArrayList<>();
  private boolean strict;
  private int runCounter;

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
   * The shared instance {@code Sluice.transport("recording")} returns; strict until told
   * otherwise.
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

  /** @return whether remote steps need a fake outcome */
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
    fakes.put(Objects.requireNonNull(stepName, "stepName"), new Fake(null));
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
    fakes.put(Objects.requireNonNull(stepName, "stepName"), new Fake(Objects.requireNonNull(message, "message")));
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
    return this;
  }

  /** @return every accepted submission, oldest first */
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
                  : "the submitted runs had the steps " + PipelineFacts.list(ran)
                      + " (a step skipped after a failure does not use its fake)")
              + "; fix the step name or remove the fake");
    }
  }

  /**
   * Records the submission and plays its run.
   *
   * @param definition the compiled pipeline
   * @param options run id, parameters, listeners and secrets
   * @return the run, already ended
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
    checkParameters(definition, options);
    Optional<Submission> earlier = earlierRun(definition, options);
    String runId = options.runId().orElseGet(() -> NAME + "-" + (++runCounter));
    RecordedRun run = play(definition, options, runId, earlier);
    submissions.add(new Submission(definition, options, run));
    return run;
  }

  private static void checkRoundTrip(PipelineDefinition definition) {
    PipelineDefinition back;
    try {
      back = PipelineDefinition.fromJson(definition.toJson());
    } catch (RuntimeException e) {
      throw new AssertionError(
          "Pipeline '" + definition.name() + "': the definition does not round-trip through its"
              + " canonical JSON, so no real transport could run it: " + e.getMessage(), e);
    }
    if (!back.equals(definition)) {
      throw new AssertionError(
          "Pipeline '" + definition.name() + "': the definition read back from its canonical JSON"
              + " differs from the one submitted; submit definitions made by PipelineCompiler");
    }
  }

  private static void checkParameters(PipelineDefinition definition, RunOptions options) {
    Map<String, ParameterDefinition> declared = new LinkedHashMap<>();
    definition.parameters().forEach(p -> declared.put(p.name(), p));
    for (Map.Entry<String, Object> given : options.parameters().entrySet()) {
      ParameterDefinition parameter = declared.get(given.getKey());
      if (parameter == null) {
        throw new SluiceException(
            "RunOptions set parameter '"
                + given.getKey()
                + "', but pipeline '"
                + definition.name()
                + "' has no such parameter; its parameters are "
                + PipelineFacts.list(declared.keySet()));
      }
      Object value = given.getValue();
      if (!parameter.type().javaType().isInstance(value)) {
        throw new SluiceException(
            "RunOptions set parameter '"
                + given.getKey()
                + "' to "
                + value
                + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")")
                + ", but it is a "
                + parameter.type()
                + " parameter; pass a "
                + parameter.type().javaType().getSimpleName());
      }
    }
  }

  private void checkRemoteStepsAreFaked(PipelineDefinition definition) {
    Map<String, String> unfaked = new LinkedHashMap<>();
    for (StepDefinition step : definition.steps()) {
      if (!fakes.containsKey(step.name())) {
        remoteReason(definition, step).ifPresent(r -> unfaked.put(step.name(), "'" + step.name() + "' (" + r + ")"));
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
    ComputeTarget compute = definition.compute(step.compute()).orElse(null);
    String where;
    if (compute == null) {
      where = "local".equals(step.compute()) ? null : "compute '" + step.compute() + "'";
    } else if (compute instanceof DatabricksCompute) {
      where = "Databricks compute '" + compute.name() + "'";
    } else if (compute instanceof AmlCompute) {
      where = "Azure ML compute '" + compute.name() + "'";
    } else if (compute instanceof ComputeTarget.Named) {
      where = "workspace compute '" + compute.name() + "'";
    } else {
      where = null;
    }
    if (StepDefinition.DATABRICKS.equals(step.type())) {
      return Optional.of("DatabricksStep" + (where == null ? "" : " on " + where));
    }
    return Optional.ofNullable(where).map(w -> step.type() + " on " + w);
  }

  private Optional<Submission> earlierRun(PipelineDefinition definition, RunOptions options) {
    if (options.runId().isEmpty()) {
      return Optional.empty();
    }
    String runId = options.runId().get();
    Optional<Submission> earlier =
        submissions.stream().filter(s -> s.run().id().equals(runId)).reduce((a, b) -> b);
    if (earlier.isEmpty()) {
      return earlier;
    }
    RunState was = earlier.get().run().state();
    DuplicateRunPolicy policy = options.duplicateRunPolicy();
    boolean refused =
        policy == DuplicateRunPolicy.REJECT
            || (policy == DuplicateRunPolicy.ALLOW_IF_FAILED && was == RunState.COMPLETED);
    if (refused) {
      throw new SluiceException(
          "Run '"
              + runId
              + "' of pipeline '"
              + definition.name()
              + "' was already submitted and ended "
              + was
              + "; the policy "
              + policy
              + " refuses it: choose another run id"
              + (policy == DuplicateRunPolicy.REJECT ? ", or the policy RESUME or ALLOW_IF_FAILED" : ""));
    }
    return policy == DuplicateRunPolicy.RESUME ? earlier : Optional.empty();
  }

  private RecordedRun play(
      PipelineDefinition definition, RunOptions options, String runId, Optional<Submission> resumed) {
    List<RunEvent> events = new ArrayList<>();
    List<RunListener> listeners = options.listeners();
    Map<String, StepStatus> steps = new LinkedHashMap<>();
    Map<String, URI> outputs = new LinkedHashMap<>();
    definition.steps().forEach(s -> steps.put(s.name(), StepStatus.queued(s.name())));
    emit(events, listeners, new RunEvent.RunStateChanged(runId, RunState.QUEUED, null));
    emit(events, listeners, new RunEvent.RunStateChanged(runId, RunState.RUNNING, null));
    Map<String, StepDefinition> earlierSteps = new LinkedHashMap<>();
    resumed.ifPresent(r -> r.definition().steps().forEach(d -> earlierSteps.put(d.name(), d)));
    String firstFailure = null;
    for (StepDefinition step : definition.steps()) {
      String blocker =
          step.dependsOn().stream()
              .filter(d -> !steps.get(d).state().isSuccessful())
              .findFirst()
              .orElse(null);
      Instant now = Instant.now();
      StepStatus end;
      if (blocker != null) {
        end = ended(step, StepState.SKIPPED, null, now, "not run: step '" + blocker + "' it depends on did not succeed");
      } else if (firstFailure != null && !definition.continueOnStepFailure()) {
        end =
            ended(step, StepState.SKIPPED, null, now,
                "not run: step '" + firstFailure + "' failed and the pipeline does not continue on step failure");
      } else if (resumed.isPresent()
          && !options.forceRerun()
          && step.equals(earlierSteps.get(step.name()))
          && resumed.get().run().step(step.name()).state().isSuccessful()) {
        end = ended(step, StepState.REUSED, null, now, "reused from the earlier attempt of run '" + runId + "'");
      } else {
        StepStatus running = new StepStatus(step.name(), StepState.RUNNING, Optional.of(now), Optional.empty(), "");
        steps.put(step.name(), running);
        emit(events, listeners, new RunEvent.StepStateChanged(runId, running));
        Fake fake = fakes.get(step.name());
        if (fake != null) {
          usedFakes.add(step.name());
        }
        if (fake != null && fake.failure() != null) {
          end = ended(step, StepState.FAILED, now, Instant.now(), fake.failure());
          if (firstFailure == null) {
            firstFailure = step.name();
          }
        } else {
          end = ended(step, StepState.COMPLETED, now, Instant.now(), fake != null ? "fake outcome" : "recorded, not run");
        }
      }
      steps.put(step.name(), end);
      emit(events, listeners, new RunEvent.StepStateChanged(runId, end));
      if (end.state().isSuccessful()) {
        step.outputs().forEach(o -> outputs.put(o, location(definition, runId, step.name(), o)));
      }
    }
    RunState state = firstFailure == null ? RunState.COMPLETED : RunState.FAILED;
    String message = firstFailure == null ? null : "step '" + firstFailure + "' failed";
    emit(events, listeners, new RunEvent.RunStateChanged(runId, state, message));
    return new RecordedRun(runId, definition.name(), state, message, steps, outputs, events);
  }

  private static StepStatus ended(StepDefinition step, StepState state, Instant started, Instant ended, String message) {
    return new StepStatus(step.name(), state, Optional.ofNullable(started), Optional.of(ended), message);
  }

  private static URI location(PipelineDefinition definition, String runId, String step, String output) {
    String datastore = definition.data(output).map(DataDefinition::datastore).orElse("default");
    return URI.create("recording:/" + datastore + "/sluice/runs/" + runId + "/" + step + "/" + output);
  }

  private static void emit(List<RunEvent> events, List<RunListener> listeners, RunEvent event) {
    events.add(event);
    listeners.forEach(l -> l.onEvent(event));
  }

  @Override
  public String toString() {
    return "RecordingTransport{" + (isStrict() ? "strict" : "lenient") + ", " + submissions().size() + " submission(s)}";
  }
}
