package io.sluice.databricks.models;

/**
 * What one task run produced ({@code runs/get-output}).
 *
 * @param notebookOutput the value the notebook passed to {@code dbutils.notebook.exit}
 * @param error the error, when the task failed
 * @param errorTrace its stack trace
 * @param logs the last 5 MB of standard output (Python and JAR tasks)
 * @param metadata the task run
 */
public record RunOutput(
    NotebookOutput notebookOutput, String error, String errorTrace, String logs, Run metadata) {}
