package io.sluice.databricks.models;

import java.util.List;

/**
 * Runs a Python file with {@code spark-submit}-like semantics.
 *
 * @param pythonFile {@code dbfs:/}, {@code /Volumes/}, {@code abfss://} or an absolute workspace
 *     path
 * @param parameters its command line
 */
public record SparkPythonTask(String pythonFile, List<String> parameters) {
  /** Copies the parameters. */
  public SparkPythonTask {
    parameters = parameters == null ? null : List.copyOf(parameters);
  }
}
