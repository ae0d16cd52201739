package io.sluice.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.SluiceStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** An Azure ML compute cluster (v1 {@code AmlCompute}). */
@Value.Immutable
@SluiceStyle
@JsonSerialize(as = ImmutableAmlCompute.class)
@JsonDeserialize(as = ImmutableAmlCompute.class)
public abstract non-sealed class AmlCompute implements ComputeTarget {

  /** Returns the VM size, e.g. {@code Standard_DS3_v2}. */
  public abstract Optional<String> vmSize();

  /** Returns the fewest nodes, 0 by default. */
  @Value.Default
  public int minNodes() {
    return 0;
  }

  /** Returns the most nodes, 1 by default. */
  @Value.Default
  public int maxNodes() {
    return 1;
  }

  /** Returns idle seconds before scaling down. */
  public abstract Optional<Integer> idleSecondsBeforeScaledown();

  @Value.Check
  void check() {
    String owner = "AmlCompute '" + name() + "'";
    ComputeTargets.checkName("AmlCompute", name());
    ModelChecks.atLeast(owner, "minNodes", minNodes(), 0);
    ModelChecks.check(
        maxNodes() >= Math.max(1, minNodes()),
        owner,
        "maxNodes",
        maxNodes(),
        "use at least 1 and at least minNodes (" + minNodes() + ")");
  }

  /**
   * A compute cluster known by name.
   *
   * @param name the compute name
   * @return the compute
   */
  public static AmlCompute of(String name) {
    return builder().name(name).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AmlCompute}. */
  public static final class Builder extends ImmutableAmlCompute.Builder {}
}
