package io.sluice.core.model;

import java.util.List;
import java.util.Optional;

/**
 * One unit of work in a pipeline. Closed, as Azure ML's step types are: a {@link PythonScriptStep}
 * or a {@link DatabricksStep}.
 */
public sealed interface Step permits PythonScriptStep, DatabricksStep {

  /** @return the step's name, unique within its pipeline */
  String name();

  /** @return the data the step reads */
  List<InputBinding> inputs();

  /** @return the data the step writes; each is written by this step alone */
  List<PipelineData> outputs();

  /** @return where the step runs */
  Optional<ComputeTarget> computeTarget();

  /** @return the local folder of the step's code, snapshotted and fingerprinted */
  Optional<String> sourceDirectory();

  /** @return whether an earlier run's results may be reused when nothing changed */
  boolean allowReuse();

  /** @return a free tag that takes part in the fingerprint */
  Optional<String> version();

  /** @return names of steps that must finish before this one, beyond data dependencies */
  List<String> runAfter();
}
