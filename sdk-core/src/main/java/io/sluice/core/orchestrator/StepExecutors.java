package io.sluice.core.orchestrator;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.implementation.Providers;
import io.sluice.core.spi.StepExecutor;
import io.sluice.core.spi.TransportNotFoundException;
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
   * @throws io.sluice.core.SluiceException naming the step, and the artifact that brings the
   *     missing executor or, when every executor is there, that none of them runs such a step
   */
  StepExecutor forStep(PipelineDefinition definition, StepDefinition step) {
    ComputeDefinition compute = definition.compute(step.compute()).orElseThrow();
    String expected =
        transport + (step.type().equals(StepDefinition.DATABRICKS) ? "-databricks" : "-python");
    List<String> names = executors.stream().map(StepExecutor::name).toList();
    return executors.stream()
        .filter(e -> e.supports(step, compute, transport))
        .findFirst()
        .orElseThrow(
            () -> {
              String what =
                  "Step '"
                      + step.name()
                      + "' ("
                      + step.type()
                      + " on compute '"
                      + compute.name()
                      + "')";
              if (names.contains(expected)) {
                return new SluiceException(
                    what
                        + " cannot run under the "
                        + transport
                        + " transport: none of its"
                        + " step executors ("
                        + String.join(", ", names)
                        + ") runs it; give the step a compute target"
                        + " this transport runs, or submit it to another transport");
              }
              TransportNotFoundException missing =
                  Providers.notFound(StepExecutor.class, "step executor", expected, names);
              return new TransportNotFoundException(what + ": " + missing.getMessage());
            });
  }
}
