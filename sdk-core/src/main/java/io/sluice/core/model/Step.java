package io.sluice.core.model;

import java.util.List;
import java.util.Optional;

/**
 * One unit of work in a pipeline. Closed, as Azure ML's step types are: a {@link PythonScriptStep}
 * or a {@link DatabricksStep}.
 */
public sealed interface Step permits PythonScriptStep, DatabricksStep {

  /** Returns the step's name, unique within its pipeline. */
  String name();

  /** Returns the data the step reads. */
  List<InputBinding> inputs();

  /** Returns the data the step writes; each is written by this step alone. */
  List<PipelineData> outputs();

  /** Returns where the step runs. */
  Optional<ComputeTarget> computeTarget();

  /** Returns the local folder of the step's code, snapshotted and fingerprinted. */
  Optional<String> sourceDirectory();

  /** Returns whether an earlier run's results may be reused when nothing changed. */
  boolean allowReuse();

  /** Returns a free tag that takes part in the fingerprint. */
  Optional<String> version();

  /** Returns names of steps that must finish before this one, beyond data dependencies. */
  List<String> runAfter();
}
