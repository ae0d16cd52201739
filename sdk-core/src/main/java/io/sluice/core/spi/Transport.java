package io.sluice.core.spi;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;

/**
 * Runs pipeline definitions somewhere: this machine, Databricks Jobs, Azure ML. A transport reads
 * the {@link PipelineDefinition} only, never the model objects it was compiled from. A definition
 * is valid by construction (its references resolve, its graph has no cycle, its names are unique
 * and safe, its parameter defaults fit their types), so a transport need not check that again.
 */
public interface Transport {

  /** Returns the transport's name, e.g. {@code local}. */
  String name();

  /**
   * Submits a run. Returns once the run is accepted; use {@link PipelineRun#waitForCompletion} to
   * wait for it.
   *
   * @param definition the compiled pipeline
   * @param options run id, parameters, listeners and secrets
   * @return the run
   */
  PipelineRun submit(PipelineDefinition definition, RunOptions options);
}
