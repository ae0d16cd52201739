package io.sluice.core.compiler;

import io.sluice.core.definition.StepTask;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.Step;
import java.util.Collection;

/**
 * What one kind of step brings to its compilation: the rules its references follow, the file it
 * runs, and its task. A new kind of step is added here and in its own translator.
 */
interface StepTranslator {
  /** The translator for a step, chosen once per step. */
  static StepTranslator of(Step step) {
    if (step instanceof PythonScriptStep script) {
      return new PythonScriptStepTranslator(script);
    }
    return new DatabricksStepTranslator((DatabricksStep) step);
  }

  /**
   * Registers the parameters and environment the step refers to and checks them.
   *
   * @param ports the names of the step's inputs and outputs, which its arguments may refer to
   */
  void checkReferences(StepRules rules, References references, Collection<String> ports);

  /** The file the step runs from its source directory, or null when it runs nothing local. */
  LocalSource localSource();

  /** Whether the step needs a Databricks cluster and has none; it is then warned about. */
  boolean lacksCluster();

  /** The step's task, once everything it refers to is registered. */
  StepTask task(StepDefinitions definitions);
}
