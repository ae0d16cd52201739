package io.sluice.core.orchestrator;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.run.RunOptions;
import io.sluice.core.semantics.DuplicateRuns;
import io.sluice.core.semantics.RemoteNames;
import io.sluice.core.semantics.ReuseKeys;
import io.sluice.core.semantics.RunParameters;
import io.sluice.core.spi.DatastoreIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A submission the orchestrator accepted: every check passed before any side effect, the run has an
 * id and a folder, and the duplicate-run policy let it go ahead of what an earlier attempt of the
 * same run journaled.
 *
 * @param runId the run's id
 * @param runDirectory the run's folder
 * @param parameters the run's parameter values, typed
 * @param earlier what earlier attempts of the run journaled; empty for a new run
 */
record RunAdmission(
    String runId, Path runDirectory, RunParameters parameters, JournalReplay earlier) {

  /** The journal's file name in a run folder. */
  static final String JOURNAL = "journal.jsonl";

  /** The file the definition of each attempt is written to in a run folder. */
  static final String DEFINITION = "definition.json";

  /**
   * Checks a submission and admits it.
   *
   * @throws io.sluice.core.SluiceException on a bad parameter, two steps with one remote key, a
   *     datastore or step with no I/O or executor on the class path, or a run id the duplicate-run
   *     policy refuses
   */
  static RunAdmission admit(
      Orchestrator.Settings settings,
      Clock clock,
      PipelineDefinition definition,
      RunOptions options,
      StepExecutors executors,
      List<DatastoreIo> datastoreIos) {
    // Checks that need no run id come first, so that a rejected submission leaves no run folder.
    RunParameters parameters = RunParameters.resolve(definition, options.parameters());
    RemoteNames.taskKeys(definition);
    DataPlane.checkDatastores(definition, datastoreIos);
    definition.steps().forEach(s -> executors.forStep(definition, s)); // fails naming the artifact
    String runId =
        options
            .runId()
            .orElseGet(
                () -> RunIds.newRunDirectory(settings.runsDirectory(), definition.name(), clock));
    Path runDirectory = settings.runsDirectory().resolve(runId);
    JournalReplay earlier = JournalReplay.read(runDirectory.resolve(JOURNAL));
    if (!earlier.isEmpty()) {
      DuplicateRuns.decide(
          runId,
          options.duplicateRunPolicy(),
          Optional.of(
              new DuplicateRuns.EarlierRun(
                  earlier.finishedState(), definitionFingerprint(runDirectory))),
          ReuseKeys.definitionFingerprint(definition));
    }
    return new RunAdmission(runId, runDirectory, parameters, earlier);
  }

  /** The fingerprint of the definition the earlier attempt wrote, if it can be read. */
  private static Optional<String> definitionFingerprint(Path runDirectory) {
    try {
      return Optional.of(
          ReuseKeys.definitionFingerprint(
              PipelineDefinition.fromJson(Files.readString(runDirectory.resolve(DEFINITION)))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unknown: the decision does without it
    }
  }
}
