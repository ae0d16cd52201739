package io.sluice.core.compiler;

import io.sluice.core.definition.ClusterDefinition;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.LibraryDefinition;
import io.sluice.core.definition.StepTask;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.Environment;
import io.sluice.core.model.RunConfiguration;
import java.util.Collection;
import java.util.List;

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
    ClusterDefinition cluster = step.effectiveCluster().map(definitions::cluster).orElse(null);
    List<LibraryDefinition> libraries =
        StepDefinitions.mapped(step.effectiveLibraries(), ModelTranslation::library);
    String environment =
        step.runconfig().flatMap(RunConfiguration::environment).map(Environment::name).orElse(null);
    String runName = step.runName().orElse(null);
    Integer timeout = step.timeoutSeconds().orElse(null);
    if (step.notebookPath().isPresent()) {
      return new DatabricksTask.Notebook(
          step.notebookPath().get(),
          StepDefinitions.arguments(step.notebookParams()),
          cluster,
          libraries,
          environment,
          runName,
          timeout);
    }
    if (step.pythonScriptPath().isPresent()) {
      return new DatabricksTask.PythonScript(
          step.pythonScriptPath().get(),
          StepDefinitions.arguments(step.pythonScriptParams()),
          cluster,
          libraries,
          environment,
          runName,
          timeout);
    }
    if (step.pythonScriptName().isPresent()) {
      return new DatabricksTask.PythonScriptName(
          step.pythonScriptName().get(),
          StepDefinitions.arguments(step.pythonScriptParams()),
          cluster,
          libraries,
          environment,
          runName,
          timeout);
    }
    return new DatabricksTask.Jar(
        step.mainClassName().orElseThrow(),
        StepDefinitions.arguments(step.jarParams()),
        cluster,
        libraries,
        environment,
        runName,
        timeout);
  }
}
