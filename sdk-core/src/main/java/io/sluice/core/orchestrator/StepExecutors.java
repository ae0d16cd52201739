package io.sluice.core.orchestrator;

import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.implementation.Providers;
import io.sluice.core.spi.StepExecutor;
import java.util.List;

/** The step executors an orchestrator has, and which of them runs a step. */
final class StepExecutors {
  private final List<StepExecutor> executors;
  private final String transport;

  StepExecutors(List<StepExecutor> executors, String transport) {
    this.executors = List.copyOf(executors);
    this.transport = transport;
  }

  /**
   * The first executor that supports a step on its compute under this transport.
   *
   * @throws io.sluice.core.SluiceException naming the artifact that brings the missing executor
   */
  StepExecutor forStep(PipelineDefinition definition, StepDefinition step) {
    ComputeDefinition compute = definition.compute(step.compute()).orElseThrow();
    return executors.stream()
        .filter(e -> e.supports(step, compute, transport))
        .findFirst()
        .orElseThrow(
            () ->
                Providers.notFound(
                    StepExecutor.class,
                    "step executor",
                    transport + (step.type().equals(StepDefinition.DATABRICKS) ? "-databricks" : "-python"),
                    executors.stream().map(StepExecutor::name).toList()));
  }
}
