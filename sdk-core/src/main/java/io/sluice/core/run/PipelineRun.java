package io.sluice.core.run;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** A handle on a submitted pipeline run, whatever transport runs it. */
public interface PipelineRun {

  /** Returns the run's id. */
  String id();

  /** Returns the pipeline's name. */
  String pipelineName();

  /** Returns the run's state now. */
  RunState state();

  /** Returns each step's status now, in the definition's step order. */
  Map<String, StepStatus> steps();

  /**
   * Waits for the run to end.
   *
   * @param timeout the longest to wait
   * @return the final state
   * @throws PipelineRunException when the run failed or was canceled, naming each failed step with
   *     the tail of its log
   * @throws RunTimeoutException when the run is still going after {@code timeout}
   */
  RunState waitForCompletion(Duration timeout);

  /** Cancels the run: running steps are stopped, queued ones never start. */
  void cancel();

  /**
   * Where each output of the run's steps is, once the step has completed or been reused.
   *
   * @return locations by data name
   */
  Map<String, URI> outputs();

  /**
   * Adds a listener for the rest of the run's events.
   *
   * @param listener the listener
   */
  void addListener(RunListener listener);
}
