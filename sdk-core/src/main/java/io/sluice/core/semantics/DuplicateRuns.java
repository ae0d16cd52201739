package io.sluice.core.semantics;

import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.RunState;
import java.util.Optional;

/**
 * What a submission does when its run id names an earlier run, by its {@link DuplicateRunPolicy}.
 * Every transport looks up what it knows of the earlier run and applies this one decision before
 * any side effect:
 *
 * <ul>
 *   <li>no earlier run: {@link Decision#START};
 *   <li>{@code REJECT}: refused;
 *   <li>{@code RESUME}: {@link Decision#RESUME} — steps the earlier run completed with an unchanged
 *       fingerprint are kept, the others run (a transport that can only re-attach to a remote run
 *       re-attaches to it);
 *   <li>{@code ALLOW_IF_FAILED}: {@link Decision#RESTART} when the earlier run ended {@code FAILED}
 *       or {@code CANCELED}; refused when it completed or has not ended.
 * </ul>
 *
 * <p>What is known of the earlier run differs by transport: the orchestrator reads its journal, the
 * {@code databricks} transport the state of the Databricks run named after it, the {@code azureml}
 * transport the state of the latest attempt's pipeline job (Azure ML keeps a job's name for good,
 * so a run that runs again there does so as a new pipeline job).
 */
public final class DuplicateRuns {
  private DuplicateRuns() {}

  /** What the submission does. */
  public enum Decision {
    /** There is no earlier run: start one. */
    START,
    /** Go on with the earlier run. */
    RESUME,
    /**
     * The earlier run failed or was canceled: run it again under the same id. The orchestrator
     * keeps the steps that completed with an unchanged fingerprint, as on {@link #RESUME}; a
     * transport that cannot run a remote run again under its id refuses, saying why.
     */
    RESTART
  }

  /**
   * What is known about the earlier run with the same id.
   *
   * @param state the state it ended in; empty when it has not ended (or its end is unknown)
   * @param definitionFingerprint the fingerprint of the definition it ran, if known
   */
  public record EarlierRun(Optional<RunState> state, Optional<String> definitionFingerprint) {}

  /**
   * Applies the policy.
   *
   * @param runId the submitted run id
   * @param policy the submission's policy
   * @param earlier the earlier run with that id, if there is one
   * @param definitionFingerprint the fingerprint of the definition being submitted ({@link
   *     ReuseKeys#definitionFingerprint})
   * @return what to do
   * @throws DuplicateRunException when the policy refuses, naming the run, its state and the fix
   */
  public static Decision decide(
      String runId,
      DuplicateRunPolicy policy,
      Optional<EarlierRun> earlier,
      String definitionFingerprint) {
    if (earlier.isEmpty()) {
      return Decision.START;
    }
    Optional<RunState> state = earlier.get().state();
    String was = state.map(s -> "ended " + s).orElse("has not ended");
    String changed =
        earlier
                .get()
                .definitionFingerprint()
                .filter(f -> !f.equals(definitionFingerprint))
                .isPresent()
            ? " with another definition"
            : "";
    switch (policy) {
      case RESUME -> {
        return Decision.RESUME;
      }
      case ALLOW_IF_FAILED -> {
        if (state.isPresent()
            && (state.get() == RunState.FAILED || state.get() == RunState.CANCELED)) {
          return Decision.RESTART;
        }
        throw new DuplicateRunException(
            "Run '"
                + runId
                + "' already exists"
                + changed
                + " and "
                + was
                + "; duplicateRunPolicy ALLOW_IF_FAILED runs it again only after it failed or was canceled."
                + " Choose another runId, or set duplicateRunPolicy to RESUME");
      }
      default ->
          throw new DuplicateRunException(
              "Run '"
                  + runId
                  + "' already exists"
                  + changed
                  + " and "
                  + was
                  + "; duplicateRunPolicy REJECT refuses it. Choose another runId, or set duplicateRunPolicy to"
                  + " RESUME (go on with it) or ALLOW_IF_FAILED (run a failed run again)");
    }
  }
}
