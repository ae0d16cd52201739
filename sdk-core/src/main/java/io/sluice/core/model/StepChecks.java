package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.NameRule;
import java.util.HashSet;
import java.util.Set;

/** The rules every step shares (Azure ML v1 builder rules): names and unique ports. */
final class StepChecks {
  private StepChecks() {}

  static String owner(Step step) {
    return step.getClass().getSimpleName().replace("Immutable", "") + " '" + step.name() + "'";
  }

  static void common(Step step) {
    String owner = owner(step);
    ModelChecks.name(NameRule.STEP, owner, "name", step.name());
    Set<String> inputs = new HashSet<>();
    for (InputBinding input : step.inputs()) {
      ModelChecks.check(
          inputs.add(input.name()),
          owner,
          "inputs",
          input.name(),
          "give each input a different name (use asInput(name) to rename one)");
    }
    Set<String> outputs = new HashSet<>();
    for (PipelineData output : step.outputs()) {
      ModelChecks.check(
          outputs.add(output.name()),
          owner,
          "outputs",
          output.name(),
          "give each output a different name");
      ModelChecks.check(
          !inputs.contains(output.name()),
          owner,
          "outputs",
          output.name(),
          "an output may not share its name with an input; rename the input with asInput(name)");
    }
    step.version().ifPresent(v -> ModelChecks.notBlank(owner, "version", v));
    step.sourceDirectory().ifPresent(d -> ModelChecks.notBlank(owner, "sourceDirectory", d));
    step.runAfter().forEach(n -> ModelChecks.notBlank(owner, "runAfter", n));
  }
}
