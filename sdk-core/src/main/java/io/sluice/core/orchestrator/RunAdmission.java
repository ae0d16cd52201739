package io.sluice.core.orchestrator;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.run.RunOptions;
import io.sluice.core.spi.DatastoreIo;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A submission the orchestrator accepted: every check passed before any side effect, the run has an
 * id and a folder, and the duplicate-run policy let it go ahead of what an earlier attempt of the
 * same run journaled.
 *
 * @param runId the run's id
 * @param runDirectory the run's folder
 * @param parameterValues the run's parameter values as text
 * @param earlier what earlier attempts of the run journaled; empty for a new run
 */
record RunAdmission(String runId, Path runDirectory, Map<String, String> parameterValues, JournalReplay earlier) {

  /** The journal's file name in a run folder. */
  static final String JOURNAL = "journal.jsonl";

  /**
   * Checks a submission and admits it.
   *
   * @throws io.sluice.core.SluiceException on a bad parameter, a datastore or step with no I/O or
   *     executor on the class path, or a run id the duplicate-run policy refuses
   */
  static RunAdmission admit(
      Orchestrator.Settings settings,
      Clock clock,
      PipelineDefinition definition,
      RunOptions options,
      StepExecutors executors,
      List<DatastoreIo> datastoreIos) {
    // Checks that need no run id come first, so that a rejected submission leaves no run folder.
    Map<String, String> parameterValues = ParameterValues.resolve(definition, options.parameters());
    DataPlane.checkDatastores(definition, datastoreIos);
    definition.steps().forEach(s -> executors.forStep(definition, s)); // fails naming the artifact
    String runId =
        options.runId().orElseGet(() -> RunIds.newRunDirectory(settings.runsDirectory(), definition.name(), clock));
    Path runDirectory = settings.runsDirectory().resolve(runId);
    JournalReplay earlier = JournalReplay.read(runDirectory.resolve(JOURNAL));
    DuplicateRuns.check(options.duplicateRunPolicy(), runId, runDirectory, earlier);
    // Sorted by name, as the reuse key needs them.
    return new RunAdmission(runId, runDirectory, Collections.unmodifiableMap(parameterValues), earlier);
  }
}
