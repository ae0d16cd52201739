package io.sluice.mlflow.models;

/**
 * One point of a metric's history.
 *
 * @param key the metric name
 * @param value the value
 * @param timestamp when it was measured, in milliseconds since the epoch
 * @param step the training step it belongs to
 */
public record Metric(String key, double value, long timestamp, long step) {}
