package io.sluice.core.semantics;

import io.sluice.core.definition.DataDefinition;

/**
 * Where a run's intermediate data lives: {@code
 * sluice/runs/<pipelineRunId>/<stepName>/<outputName>} below the root of its datastore (or of a
 * transport's data root). Every transport writes and reads outputs at this path, so that a run's
 * data is found in the same place whichever transport ran it.
 */
public final class DataPaths {
  /** The folder below a datastore's root that holds every run's data. */
  public static final String RUNS_FOLDER = "sluice/runs";

  private DataPaths() {}

  /**
   * The path of an output below its datastore's root.
   *
   * @param runId the pipeline run's id
   * @param step the producing step's name
   * @param output the output's name
   * @return {@code sluice/runs/<runId>/<step>/<output>}, with no leading or trailing {@code /}
   */
  public static String output(String runId, String step, String output) {
    return RUNS_FOLDER + "/" + runId + "/" + step + "/" + output;
  }

  /**
   * The path of intermediate data below its datastore's root.
   *
   * @param runId the pipeline run's id
   * @param data the data, whose producer writes it
   * @return {@code sluice/runs/<runId>/<producer>/<name>}
   */
  public static String output(String runId, DataDefinition data) {
    return output(runId, data.producer(), data.name());
  }
}
