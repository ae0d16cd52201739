package io.sluice.core.orchestrator;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.implementation.Providers;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.DatastoreIo;
import io.sluice.core.spi.PythonEnvironments;
import io.sluice.core.spi.StepExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Schedules a pipeline's steps on this machine and hands each to the {@link StepExecutor} of its
 * compute target: bounded parallelism, a write-ahead journal (a run killed and started again with
 * the same id finishes without rerunning completed steps), reuse of earlier results by
 * fingerprint and input data, cancellation, per-step logs and events. Shared by the {@code local}
 * and {@code orchestrated} transports. For transport implementors.
 */
public final class Orchestrator {

  /**
   * How an orchestrator runs.
   *
   * @param transport the name executors are chosen for, e.g. {@code local}
   * @param runsDirectory where run folders, the reuse index and the default MLflow store live
   * @param baseDirectory the folder relative source paths are in
   * @param parallelism the most steps running at once
   * @param pythonEnvironments the virtualenv maker
   * @param mlflowTrackingUri the MLflow tracking URI; a sqlite store in the runs folder if absent
   */
  public record Settings(
      String transport,
      Path runsDirectory,
      Path baseDirectory,
      int parallelism,
      PythonEnvironments pythonEnvironments,
      Optional<String> mlflowTrackingUri) {
    /** Checks the settings. */
    public Settings {
      if (parallelism < 1) {
        throw new SluiceException("parallelism is " + parallelism + "; use 1 or more");
      }
      runsDirectory = runsDirectory.toAbsolutePath().normalize();
      baseDirectory = baseDirectory.toAbsolutePath().normalize();
    }
  }

  private final Settings settings;
  private final List<StepExecutor> executors;
  private final List<DatastoreIo> datastoreIos;

  /**
   * Creates an orchestrator that finds executors and datastore I/O on the class path.
   *
   * @param settings how it runs
   */
  public Orchestrator(Settings settings) {
    this.settings = settings;
    this.executors = Providers.all(StepExecutor.class);
    this.datastoreIos = Providers.all(DatastoreIo.class);
  }

  /**
   * Starts a run (or resumes one, as {@link RunOptions#duplicateRunPolicy()} allows).
   *
   * @param definition the pipeline
   * @param options run options
   * @return the running run
   */
  public PipelineRun submit(PipelineDefinition definition, RunOptions options) {
    OrchestratedRun run = new OrchestratedRun(settings, definition, options, executors, datastoreIos);
    run.start();
    return run;
  }
}
