package io.sluice.core.compiler;

import io.sluice.core.definition.PythonScriptTask;
import io.sluice.core.definition.StepTask;
import io.sluice.core.model.Environment;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.RunConfiguration;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Compiles a {@link PythonScriptStep}: a script run on Azure ML. */
final class PythonScriptStepTranslator implements StepTranslator {
  private final PythonScriptStep step;

  PythonScriptStepTranslator(PythonScriptStep step) {
    this.step = step;
  }

  @Override
  public void checkReferences(StepRules rules, References references, Collection<String> ports) {
    rules.arguments(step, step.arguments(), ports);
    rules.arguments(step, step.params().values(), ports);
    step.environment().ifPresent(e -> references.environment(e, step.name()));
    rules.runconfigParameters(step, step.runconfigPipelineParams());
    rules.noDbfs(step);
  }

  @Override
  public LocalSource localSource() {
    return new LocalSource(step.scriptName(), "scriptName");
  }

  @Override
  public boolean lacksCluster() {
    return false;
  }

  @Override
  public StepTask task(StepDefinitions definitions) {
    Optional<RunConfiguration> rc = step.runconfig();
    return PythonScriptTask.builder()
        .scriptName(step.scriptName())
        .arguments(StepDefinitions.arguments(step.arguments()))
        .environment(step.environment().map(Environment::name).orElse(null))
        .maxRunDurationSeconds(rc.flatMap(RunConfiguration::maxRunDurationSeconds).orElse(null))
        .nodeCount(rc.map(RunConfiguration::nodeCount).orElse(1))
        .environmentVariables(rc.map(RunConfiguration::environmentVariables).orElse(Map.of()))
        .runconfigPipelineParams(runconfigPipelineParams(step.runconfigPipelineParams()))
        .params(StepDefinitions.arguments(step.params()))
        .build();
  }

  private static Map<String, String> runconfigPipelineParams(
      Map<String, PipelineParameter<?>> params) {
    if (params.isEmpty()) {
      return Map.of();
    }
    SortedMap<String, String> names = new TreeMap<>();
    params.forEach((property, parameter) -> names.put(property, parameter.name()));
    return Collections.unmodifiableSortedMap(names);
  }
}
