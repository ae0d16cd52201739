package io.sluice.core.orchestrator;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.run.StepState;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Walks a run's step graph: starts each step whose upstream steps succeeded, at most {@code
 * parallelism} at once and ready steps in the definition's order; skips the steps downstream of a
 * step that did not succeed; after a failure starts nothing more unless the pipeline continues on
 * step failure; after a cancel starts nothing more.
 */
final class StepScheduler implements AutoCloseable {
  private final PipelineDefinition definition;
  private final int parallelism;
  private final RunProgress progress;
  private final BooleanSupplier canceled;
  private final Consumer<StepDefinition> runner;
  private final ExecutorService pool;

  StepScheduler(
      PipelineDefinition definition,
      int parallelism,
      RunProgress progress,
      BooleanSupplier canceled,
      Consumer<StepDefinition> runner) {
    this.definition = definition;
    this.parallelism = parallelism;
    this.progress = progress;
    this.canceled = canceled;
    this.runner = runner;
    this.pool =
        Executors.newFixedThreadPool(
            parallelism,
            r -> {
              Thread t = new Thread(r, "sluice-step");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Runs the steps still {@link StepState#QUEUED} until every step has ended.
   *
   * @throws ExecutionException when running a step threw (a step's own failure is its state)
   * @throws InterruptedException when the calling thread is interrupted
   */
  void runAll() throws InterruptedException, ExecutionException {
    ExecutorCompletionService<String> completions = new ExecutorCompletionService<>(pool);
    int running = 0;
    // Steps handed to the pool. They stay QUEUED until they start or are reused, so that a
    // reused step never shows as RUNNING.
    Set<String> dispatched = new HashSet<>();
    while (true) {
      boolean isCanceled = canceled.getAsBoolean();
      boolean stopStarting =
          isCanceled || (!definition.continueOnStepFailure() && progress.anyFailed());
      for (StepDefinition step : definition.steps()) {
        if (dispatched.contains(step.name())
            || progress.step(step.name()).state() != StepState.QUEUED) {
          continue;
        }
        Optional<String> blocker = blocker(step);
        if (blocker.isPresent()) {
          progress.update(
              step.name(),
              StepState.SKIPPED,
              "not run: step '" + blocker.get() + "' did not succeed");
        } else if (stopStarting) {
          progress.update(
              step.name(),
              isCanceled ? StepState.CANCELED : StepState.SKIPPED,
              isCanceled
                  ? "run canceled"
                  : "not started: a step failed and continueOnStepFailure is false");
        } else if (running < parallelism && ready(step)) {
          dispatched.add(step.name());
          completions.submit(() -> runner.accept(step), step.name());
          running++;
        }
      }
      if (running == 0) {
        return;
      }
      completions.take().get();
      running--;
    }
  }

  /** The first upstream step that ended without success. */
  private Optional<String> blocker(StepDefinition step) {
    return step.dependsOn().stream()
        .filter(
            d -> {
              StepState s = progress.step(d).state();
              return s.isTerminal() && !s.isSuccessful();
            })
        .findFirst();
  }

  private boolean ready(StepDefinition step) {
    return step.dependsOn().stream().allMatch(d -> progress.step(d).state().isSuccessful());
  }

  /** Stops the steps still running, as the run ends. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
