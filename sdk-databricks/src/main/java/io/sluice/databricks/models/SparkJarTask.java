package io.sluice.databricks.models;

import java.util.List;

/**
 * Runs a JAR's main class; the JAR itself is a library of the task.
 *
 * @param mainClassName the class; it must use {@code SparkContext.getOrCreate}
 * @param parameters its arguments
 */
public record SparkJarTask(String mainClassName, List<String> parameters) {
  /** Copies the parameters. */
  public SparkJarTask {
    parameters = parameters == null ? null : List.copyOf(parameters);
  }
}
