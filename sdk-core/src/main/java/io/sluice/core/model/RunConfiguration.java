package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.SluiceStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a step runs beyond its code, as Azure ML's {@code RunConfiguration}: its environment, limits,
 * node count, environment variables, and for Databricks its libraries and cluster.
 */
@Value.Immutable
@SluiceStyle
public abstract class RunConfiguration {

  /** Returns the Python environment. */
  public abstract Optional<Environment> environment();

  /** Returns the longest the step may run, in seconds. */
  public abstract Optional<Integer> maxRunDurationSeconds();

  /** Returns nodes for distributed runs on a compute cluster. */
  @Value.Default
  public int nodeCount() {
    return 1;
  }

  /** Returns environment variables for the step. */
  public abstract Map<String, String> environmentVariables();

  /** Returns databricks libraries (v1 {@code environment.databricks.*_libraries}). */
  public abstract List<Library> databricksLibraries();

  /** Returns the Databricks cluster (v1 {@code environment.databricks.cluster}). */
  public abstract Optional<DatabricksCluster> databricksCluster();

  @Value.Check
  void check() {
    ModelChecks.atLeast("RunConfiguration", "nodeCount", nodeCount(), 1);
    maxRunDurationSeconds()
        .ifPresent(s -> ModelChecks.atLeast("RunConfiguration", "maxRunDurationSeconds", s, 1));
  }

  /**
   * A run configuration with an environment.
   *
   * @param environment the environment
   * @return the run configuration
   */
  public static RunConfiguration of(Environment environment) {
    return builder().environment(environment).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RunConfiguration}. */
  public static final class Builder extends ImmutableRunConfiguration.Builder {}
}
