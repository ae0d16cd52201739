package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.NameRule;

/**
 * The compute-name rule of Azure ML: 2 to 32 letters, digits and hyphens, starting with a letter.
 */
final class ComputeTargets {
  private ComputeTargets() {}

  static void checkName(String kind, String name) {
    ModelChecks.name(NameRule.COMPUTE, "ComputeTarget." + kind, "name", name);
  }
}
