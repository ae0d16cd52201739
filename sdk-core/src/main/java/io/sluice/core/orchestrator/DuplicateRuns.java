package io.sluice.core.orchestrator;

import io.sluice.core.SluiceException;
import io.sluice.core.run.DuplicateRunPolicy;
import io.sluice.core.run.RunState;
import java.nio.file.Path;

/**
 * The duplicate-run policy: whether a run may be submitted with the id of a run that already has a
 * journal. The one place the orchestrator decides it.
 */
final class DuplicateRuns {
  private DuplicateRuns() {}

  /**
   * Lets the run go ahead, or refuses it.
   *
   * @param policy the submission's policy
   * @param runId the run's id
   * @param runDirectory the run's folder
   * @param earlier what earlier attempts of the run journaled
   * @throws SluiceException naming the run, how it ended and the policies that would accept it
   */
  static void check(DuplicateRunPolicy policy, String runId, Path runDirectory, JournalReplay earlier) {
    if (earlier.isEmpty()) {
      return;
    }
    boolean allowed =
        policy == DuplicateRunPolicy.RESUME
            || (policy == DuplicateRunPolicy.ALLOW_IF_FAILED
                && earlier.finishedState().filter(s -> s != RunState.COMPLETED).isPresent());
    if (!allowed) {
      throw new SluiceException(
          "Run '"
              + runId
              + "' already exists in "
              + runDirectory
              + earlier.finishedState().map(s -> " (" + s + ")").orElse(" (unfinished)")
              + "; choose another runId, or set duplicateRunPolicy to RESUME (or ALLOW_IF_FAILED"
              + " to run a failed run again)");
    }
  }
}
