package io.sluice.testing;

import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.PythonScriptTask;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.semantics.StepArguments;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepExecutor;
import io.sluice.core.spi.StepFailedException;
import io.sluice.core.spi.StepLocation;
import io.sluice.core.spi.StepResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The step executor of a {@link RecordingTransport} run: runs nothing, and ends every step as its
 * fake outcome says (a step that keeps running ends when the run is canceled), or completes it when
 * it has none. Remembers which fakes were used and what each step was given.
 */
final class ScriptedStepExecutor implements StepExecutor {
  /** The result of a step completed without a fake outcome, as its status message shows it. */
  static final String NOT_RUN = "recorded, not run";

  /** The result of a step faked as completed. */
  static final String FAKE_OUTCOME = "fake outcome";

  private final Map<String, FakeOutcome> outcomes;
  private final Set<String> used = ConcurrentHashMap.newKeySet();
  private final Map<String, List<StepCall>> calls = new ConcurrentHashMap<>();

  /**
   * @param outcomes by step name
   */
  ScriptedStepExecutor(Map<String, FakeOutcome> outcomes) {
    this.outcomes = Map.copyOf(outcomes);
  }

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public boolean supports(StepDefinition step, ComputeDefinition compute, String transport) {
    return true;
  }

  @Override
  public StepResult execute(StepContext context) {
    String step = context.step().name();
    calls.computeIfAbsent(step, s -> new CopyOnWriteArrayList<>()).add(call(context));
    FakeOutcome outcome = outcomes.get(step);
    if (outcome == null) {
      return new StepResult(NOT_RUN);
    }
    used.add(step);
    if (outcome.keepsRunning()) {
      awaitCancel(context);
      throw new StepFailedException("canceled while running");
    }
    if (outcome.failure() != null) {
      throw new StepFailedException(outcome.failure());
    }
    return new StepResult(FAKE_OUTCOME);
  }

  private static void awaitCancel(StepContext context) {
    while (!context.isCanceled()) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static StepCall call(StepContext context) {
    StepDefinition step = context.step();
    Map<String, String> parameters = context.parameterValues();
    Function<String, String> ports = context.ports(StepLocation::uri);
    if (step.task() instanceof PythonScriptTask) {
      return new StepCall(
          step.name(),
          StepArguments.scriptArguments(step, parameters, ports),
          Map.of(),
          StepArguments.parameterEnvironment(step, parameters, ports));
    }
    if (step.task() instanceof DatabricksTask.Notebook) {
      return new StepCall(
          step.name(), List.of(), StepArguments.notebookWidgets(step, parameters, ports), Map.of());
    }
    return new StepCall(
        step.name(), StepArguments.databricksArgv(step, parameters, ports), Map.of(), Map.of());
  }

  /** Nothing is staged to upload: the outputs are only named. */
  @Override
  public boolean writesOutputsInPlace() {
    return true;
  }

  /** Returns the steps whose fake outcome was used. */
  Set<String> used() {
    return Set.copyOf(used);
  }

  /**
   * What a step was given, each time it started in this run.
   *
   * @param step the step's name
   * @return its calls, oldest first
   */
  List<StepCall> calls(String step) {
    return List.copyOf(calls.getOrDefault(step, List.of()));
  }
}
