package io.sluice.mlflow.models;

/**
 * A run parameter; once logged its value cannot change.
 *
 * @param key the parameter name
 * @param value the parameter value
 */
public record Param(String key, String value) {}
