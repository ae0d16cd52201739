package io.sluice.databricks.models;

/**
 * A task another task waits for.
 *
 * @param taskKey the key of the task depended on
 */
public record TaskDependency(String taskKey) {}
