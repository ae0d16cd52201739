package io.sluice.core.orchestrator;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.InputDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.run.StepState;
import io.sluice.core.semantics.ReuseKeys;
import io.sluice.core.spi.StepExecutor;
import io.sluice.core.spi.StepFailedException;
import io.sluice.core.spi.StepLocation;
import io.sluice.core.spi.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step of a run: reuses an earlier run's results when its reuse key matches and its
 * outputs are intact, else hands the step to its executor and stores its outputs, journaling each
 * outcome.
 */
final class StepRunner {
  private static final Logger LOGGER = LoggerFactory.getLogger(StepRunner.class);

  private final OrchestratedRun run;
  private final StepExecutors executors;
  private final DataPlane dataPlane;
  private final ReuseIndex reuse;
  private final RunProgress progress;
  private final Map<String, OutputRecord> outputs;
  private final boolean forceRerun;

  StepRunner(
      OrchestratedRun run,
      StepExecutors executors,
      DataPlane dataPlane,
      ReuseIndex reuse,
      RunProgress progress,
      Map<String, OutputRecord> outputs,
      boolean forceRerun) {
    this.run = run;
    this.executors = executors;
    this.dataPlane = dataPlane;
    this.reuse = reuse;
    this.progress = progress;
    this.outputs = outputs;
    this.forceRerun = forceRerun;
  }

  /**
   * Runs a step to its end; its failure is the step's state, never an exception.
   *
   * @param step the step, whose upstream steps have succeeded
   */
  void run(StepDefinition step) {
    String name = step.name();
    try {
      Map<String, String> inputHashes = new LinkedHashMap<>();
      for (InputDefinition input : step.inputs()) {
        inputHashes.put(input.name(), dataPlane.inputHash(input, outputs));
      }
      String key = ReuseKeys.key(step, inputHashes, run.parameterValues());
      Map<String, String> usedParameters = ReuseKeys.usedParameters(step, run.parameterValues());
      Optional<ReuseIndex.Entry> earlier =
          step.allowReuse() && !forceRerun ? reuse.find(key) : Optional.empty();
      if (earlier.isPresent() && reuseEarlier(step, earlier.get())) {
        return;
      }
      String pipeline = run.definition().name();
      List<String> reasons =
          forceRerun
              ? List.of("rerun forced")
              : !step.allowReuse()
                  ? List.of("reuse is off for it (allowReuse false)")
                  : earlier.isPresent()
                      ? List.of(
                          "the outputs of run " + earlier.get().runId() + " changed or are gone")
                      : reuse.changes(pipeline, step, inputHashes, usedParameters);
      progress.update(
          name,
          StepState.RUNNING,
          reasons.isEmpty() ? "" : "runs because " + String.join(", ", reasons));
      run.journal()
          .append(
              new JournalEntry.StepStarted(
                  run.clock().instant(), name, step.fingerprint().value()));
      StepExecutor executor = executors.forStep(run.definition(), step);
      LocalStepContext context = context(step, executor);
      StepResult result = executor.execute(context);
      Map<String, OutputRecord> stored = new LinkedHashMap<>();
      context
          .outputs()
          .forEach(
              (output, location) ->
                  stored.put(
                      output, dataPlane.store(output, location, !executor.writesOutputsInPlace())));
      run.journal()
          .append(
              new JournalEntry.StepCompleted(
                  run.clock().instant(), name, step.fingerprint().value(), result.value(), stored));
      finish(name, StepState.COMPLETED, stored, result.value());
      if (step.allowReuse()) {
        reuse.record(
            key,
            new ReuseIndex.Entry(run.runIdValue(), name, stored, result.value()),
            pipeline,
            step,
            inputHashes,
            usedParameters);
      }
    } catch (RuntimeException e) {
      String message =
          e instanceof StepFailedException || e instanceof SluiceException
              ? e.getMessage()
              : e.toString();
      if (!(e instanceof SluiceException)) {
        LOGGER.error("Step {} failed unexpectedly", name, e);
      }
      run.journal().append(new JournalEntry.StepFailed(run.clock().instant(), name, message));
      progress.update(name, run.canceled() ? StepState.CANCELED : StepState.FAILED, message);
    }
  }

  /** Stands an earlier run's results in for the step; false when its outputs changed. */
  private boolean reuseEarlier(StepDefinition step, ReuseIndex.Entry entry) {
    if (!entry.outputs().values().stream().allMatch(dataPlane::intact)) {
      return false;
    }
    run.journal()
        .append(
            new JournalEntry.StepReused(
                run.clock().instant(),
                step.name(),
                step.fingerprint().value(),
                entry.runId(),
                entry.result(),
                entry.outputs()));
    finish(
        step.name(),
        StepState.REUSED,
        entry.outputs(),
        "reused run " + entry.runId() + ": nothing changed");
    return true;
  }

  private void finish(
      String step, StepState state, Map<String, OutputRecord> stored, String message) {
    outputs.putAll(stored);
    progress.update(step, state, message);
  }

  private LocalStepContext context(StepDefinition step, StepExecutor executor) {
    Path stepDirectory = run.runDirectory().resolve("steps").resolve(step.name());
    Map<String, StepLocation> inputs = new LinkedHashMap<>();
    for (InputDefinition input : step.inputs()) {
      inputs.put(input.name(), dataPlane.input(input, outputs, stepDirectory.resolve("inputs")));
    }
    Map<String, StepLocation> stepOutputs = new LinkedHashMap<>();
    for (String output : step.outputs()) {
      StepLocation location = dataPlane.output(output);
      boolean directory = run.definition().data(output).orElseThrow().directory();
      createDirectories(directory ? location.localPath() : location.localPath().getParent());
      stepOutputs.put(output, location);
    }
    Map<String, String> executorSettings =
        executor.settingsNamespace().map(run.settings()::executorSettings).orElse(Map.of());
    return new LocalStepContext(run, step, stepDirectory, inputs, stepOutputs, executorSettings);
  }

  private static void createDirectories(Path path) {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
