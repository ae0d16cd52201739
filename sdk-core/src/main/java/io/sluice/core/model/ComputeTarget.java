package io.sluice.core.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where a step runs: this machine, a Databricks workspace, an Azure ML compute cluster, or a target
 * known only by its name in the workspace.
 */
// Subtypes are registered by their generated classes, which are what serialisation sees.
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ComputeTarget.Local.class, name = "local"),
  @JsonSubTypes.Type(value = ComputeTarget.Named.class, name = "named"),
  @JsonSubTypes.Type(value = ImmutableDatabricksCompute.class, name = "databricks"),
  @JsonSubTypes.Type(value = ImmutableAmlCompute.class, name = "amlCompute")
})
public sealed interface ComputeTarget
    permits ComputeTarget.Local, DatabricksCompute, AmlCompute, ComputeTarget.Named {

  /** Returns the target's name. */
  String name();

  /**
   * This machine.
   *
   * @param name the target's name, {@code local} by default
   */
  record Local(String name) implements ComputeTarget {
    /** Checks the name. */
    public Local {
      ComputeTargets.checkName("Local", name);
    }
  }

  /**
   * A compute target that the workspace already has, found by name when the pipeline is submitted
   * (v1: a compute target given as a string).
   *
   * @param name the compute target's name in the workspace
   */
  record Named(String name) implements ComputeTarget {
    /** Checks the name. */
    public Named {
      ComputeTargets.checkName("Named", name);
    }
  }

  /** Returns this machine, named {@code local}. */
  static ComputeTarget local() {
    return new Local("local");
  }

  /**
   * A compute target found by name at submission.
   *
   * @param name the name
   * @return the target
   */
  static ComputeTarget named(String name) {
    return new Named(name);
  }
}
