package io.sluice.testing.tck;

import io.sluice.core.compiler.PipelineCompiler;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.Step;
import io.sluice.core.run.RunEvent;
import io.sluice.core.run.RunOptions;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * What the contract's tests share: the harness, pipelines built from {@link TckStep}s, and
 * submission with every event recorded.
 */
public final class ContractFixture {
  private final TransportHarness harness;
  private final ObservedSources sources;

  ContractFixture(TransportHarness harness) {
    this.harness = harness;
    this.sources = new ObservedSources(harness.workDirectory());
  }

  /** Returns the harness under test. */
  public TransportHarness harness() {
    return harness;
  }

  /**
   * The kind the kit builds steps as unless a test says otherwise: a script when the transport runs
   * scripts.
   *
   * @return the kind
   */
  public StepKind kind() {
    return harness.stepKinds().contains(StepKind.PYTHON_SCRIPT)
        ? StepKind.PYTHON_SCRIPT
        : harness.stepKinds().iterator().next();
  }

  /**
   * A new step of the default kind.
   *
   * @param name its name
   * @return the step, to describe further
   */
  public TckStep step(String name) {
    return new TckStep(name, kind());
  }

  /**
   * A pipeline that stops at the first failure.
   *
   * @param steps its steps
   * @return the pipeline
   */
  public Pipeline pipeline(TckStep... steps) {
    return pipeline(false, steps);
  }

  /**
   * A pipeline.
   *
   * @param continueOnStepFailure whether independent steps go on after a failure
   * @param steps its steps
   * @return the pipeline
   */
  public Pipeline pipeline(boolean continueOnStepFailure, TckStep... steps) {
    List<Step> built = Arrays.stream(steps).map(s -> s.build(harness, sources)).toList();
    return Pipeline.builder()
        .name("tck")
        .defaultDatastore(harness.datastore())
        .continueOnStepFailure(continueOnStepFailure)
        .steps(built.toArray(Step[]::new))
        .build();
  }

  /**
   * Compiles a pipeline against the work folder.
   *
   * @param pipeline the pipeline
   * @return its definition
   */
  public PipelineDefinition compile(Pipeline pipeline) {
    return PipelineCompiler.compile(pipeline, harness.workDirectory());
  }

  /**
   * Submits with the harness's options and a fresh run id.
   *
   * @param definition the definition
   * @return the run and its events
   */
  public SubmittedRun submit(PipelineDefinition definition) {
    return submit(definition, o -> o);
  }

  /**
   * Submits with the harness's options, a fresh run id unless the test sets one, and the test's
   * additions.
   *
   * @param definition the definition
   * @param options what the test adds
   * @return the run and its events
   */
  public SubmittedRun submit(
      PipelineDefinition definition, UnaryOperator<RunOptions.Builder> options) {
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    RunOptions.Builder builder = harness.runOptions().runId(newRunId()).addListeners(events::add);
    return new SubmittedRun(
        harness.transport().submit(definition, options.apply(builder).build()),
        events,
        harness.timeout());
  }

  /**
   * A run id no earlier test used.
   *
   * @return the id
   */
  public static String newRunId() {
    return "tck-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * What a step was given when it last started.
   *
   * @param step the step's name
   * @return the invocation
   * @throws AssertionError when it never started
   */
  public StepInvocation invocation(String step) {
    List<StepInvocation> all = harness.invocations(step);
    if (all.isEmpty()) {
      throw new AssertionError("step '" + step + "' never started");
    }
    return all.get(all.size() - 1);
  }

  /**
   * The value a step received under a name: its widget, or the argument after {@code --<name>}.
   *
   * @param step the step's name
   * @param name the value's name
   * @return the value
   */
  public String value(String step, String name) {
    StepInvocation invocation = invocation(step);
    return invocation.widgets().containsKey(name)
        ? invocation.widgets().get(name)
        : invocation.argument("--" + name);
  }
}
