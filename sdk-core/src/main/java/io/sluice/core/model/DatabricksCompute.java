package io.sluice.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.sluice.core.implementation.SluiceStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Azure Databricks workspace used as compute (v1 {@code DatabricksCompute}), with an optional
 * default cluster for steps that name none.
 */
@Value.Immutable
@SluiceStyle
@JsonSerialize(as = ImmutableDatabricksCompute.class)
@JsonDeserialize(as = ImmutableDatabricksCompute.class)
public abstract non-sealed class DatabricksCompute implements ComputeTarget {

  /** Returns the workspace URL, e.g. {@code https://adb-123.4.azuredatabricks.net}. */
  public abstract Optional<String> workspaceUrl();

  /** Returns the ARM resource id of the Databricks workspace. */
  public abstract Optional<String> resourceId();

  /** Returns the access token; taken from the environment or a profile when absent. */
  public abstract Optional<Secret> accessToken();

  /** Returns the cluster for steps that do not name their own. */
  public abstract Optional<DatabricksCluster> defaultCluster();

  @Value.Check
  void check() {
    ComputeTargets.checkName("DatabricksCompute", name());
    workspaceUrl()
        .ifPresent(
            url ->
                io.sluice.core.implementation.ModelChecks.check(
                    url.startsWith("https://") || url.startsWith("http://127.0.0.1"),
                    "DatabricksCompute '" + name() + "'",
                    "workspaceUrl",
                    url,
                    "use the workspace's https:// URL"));
  }

  /**
   * A Databricks compute known by name only.
   *
   * @param name the compute name
   * @return the compute
   */
  public static DatabricksCompute of(String name) {
    return builder().name(name).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DatabricksCompute}. */
  public static final class Builder extends ImmutableDatabricksCompute.Builder {}
}
