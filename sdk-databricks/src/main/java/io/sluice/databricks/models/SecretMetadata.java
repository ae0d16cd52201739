package io.sluice.databricks.models;

/**
 * A secret's key and when it changed; never its value.
 *
 * @param key the key
 * @param lastUpdatedTimestamp when it was last put, in epoch milliseconds
 */
public record SecretMetadata(String key, Long lastUpdatedTimestamp) {}
