package io.sluice.core.compiler;

import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.StepTask;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.Environment;
import io.sluice.core.model.RunConfiguration;
import java.util.Collection;

/**
 * Compiles a {@link DatabricksStep}: a notebook, Python script or JAR run on a Databricks cluster.
 */
final class DatabricksStepTranslator implements StepTranslator {
  private final DatabricksStep step;

  DatabricksStepTranslator(DatabricksStep step) {
    this.step = step;
  }

  @Override
  public void checkReferences(StepRules rules, References references, Collection<String> ports) {
    rules.arguments(step, step.notebookParams().values(), ports);
    rules.arguments(step, step.pythonScriptParams(), ports);
    rules.arguments(step, step.jarParams(), ports);
    step.runconfig()
        .flatMap(RunConfiguration::environment)
        .ifPresent(e -> references.environment(e, step.name()));
  }

  /** A script named in the source directory, or a notebook given by a relative path. */
  @Override
  public LocalSource localSource() {
    if (step.pythonScriptName().isPresent()) {
      return new LocalSource(step.pythonScriptName().get(), "pythonScriptName");
    }
    return step.notebookPath()
        .filter(p -> !p.startsWith("/"))
        .map(p -> new LocalSource(DatabricksTask.notebookSourceFile(p), "notebookPath"))
        .orElse(null);
  }

  @Override
  public boolean lacksCluster() {
    return step.effectiveCluster().isEmpty();
  }

  @Override
  public StepTask task(StepDefinitions definitions) {
    DatabricksTask.Builder task =
        DatabricksTask.builder()
            .cluster(step.effectiveCluster().map(definitions::cluster).orElse(null))
            .libraries(StepDefinitions.mapped(step.effectiveLibraries(), ModelTranslation::library))
            .environment(
                step.runconfig()
                    .flatMap(RunConfiguration::environment)
                    .map(Environment::name)
                    .orElse(null))
            .runName(step.runName().orElse(null))
            .timeoutSeconds(step.timeoutSeconds().orElse(null));
    if (step.notebookPath().isPresent()) {
      task.notebook(step.notebookPath().get(), StepDefinitions.arguments(step.notebookParams()));
    } else if (step.pythonScriptPath().isPresent()) {
      task.pythonScript(
          step.pythonScriptPath().get(), StepDefinitions.arguments(step.pythonScriptParams()));
    } else if (step.pythonScriptName().isPresent()) {
      task.pythonScriptName(
          step.pythonScriptName().get(), StepDefinitions.arguments(step.pythonScriptParams()));
    } else {
      task.jar(step.mainClassName().orElseThrow(), StepDefinitions.arguments(step.jarParams()));
    }
    return task.build();
  }
}
