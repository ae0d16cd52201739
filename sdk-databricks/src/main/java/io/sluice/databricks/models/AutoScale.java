package io.sluice.databricks.models;

/**
 * Autoscaling bounds.
 *
 * @param minWorkers the fewest workers
 * @param maxWorkers the most workers
 */
public record AutoScale(int minWorkers, int maxWorkers) {}
