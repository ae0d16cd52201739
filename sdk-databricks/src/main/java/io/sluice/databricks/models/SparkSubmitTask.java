package io.sluice.databricks.models;

import java.util.List;

/**
 * Runs {@code spark-submit} with the given arguments (new clusters only; no libraries).
 *
 * @param parameters the spark-submit command line
 */
public record SparkSubmitTask(List<String> parameters) {
  /** Copies the parameters. */
  public SparkSubmitTask {
    parameters = parameters == null ? null : List.copyOf(parameters);
  }
}
