package io.sluice.core.run;

import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.SluiceStyle;
import io.sluice.core.model.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** How to run a pipeline: its run id, parameter values, listeners, secrets and reuse choices. */
@Value.Immutable
@SluiceStyle
public abstract class RunOptions {

  /**
   * Returns the run id; when absent the transport makes one such as {@code
   * churn-20261124-120830-3f9a0c1e} (see {@link io.sluice.core.orchestrator.RunIds}).
   */
  public abstract Optional<String> runId();

  /** Returns what to do when {@link #runId()} names an existing run. */
  @Value.Default
  public DuplicateRunPolicy duplicateRunPolicy() {
    return DuplicateRunPolicy.REJECT;
  }

  /** Returns parameter values that replace the defaults, by parameter name. */
  public abstract Map<String, Object> parameters();

  /** Returns listeners of the run's events. */
  public abstract List<RunListener> listeners();

  /** Returns secrets whose values the run may need, e.g. datastore keys. */
  public abstract List<Secret> secrets();

  /** Returns true to run every step even when an earlier result could be reused. */
  @Value.Default
  public boolean forceRerun() {
    return false;
  }

  /** Returns the MLflow experiment; the pipeline's name when absent. */
  public abstract Optional<String> experimentName();

  @Value.Check
  void check() {
    runId()
        .ifPresent(
            id ->
                ModelChecks.check(
                    id.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}"),
                    "RunOptions",
                    "runId",
                    id,
                    "use 1 to 64 letters, digits, '_' or '-', starting with a letter or digit"));
    for (Map.Entry<String, Object> e : parameters().entrySet()) {
      ModelChecks.word("RunOptions", "parameters", e.getKey());
    }
  }

  /** Returns default options: a new run, default parameters, reuse allowed. */
  public static RunOptions defaults() {
    return builder().build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RunOptions}. */
  public static final class Builder extends ImmutableRunOptions.Builder {}
}
