package io.sluice.databricks.models;

import java.util.Map;

/**
 * Runs a workspace notebook; its widgets receive {@code baseParameters}.
 *
 * @param notebookPath the absolute workspace path of the notebook
 * @param baseParameters widget values, read with {@code dbutils.widgets.get(name)}
 */
public record NotebookTask(String notebookPath, Map<String, String> baseParameters) {
  /** Copies the parameters. */
  public NotebookTask {
    baseParameters = baseParameters == null ? null : Map.copyOf(baseParameters);
  }
}
