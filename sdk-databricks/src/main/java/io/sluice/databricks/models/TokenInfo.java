package io.sluice.databricks.models;

/**
 * A personal access token's metadata; never its value.
 *
 * @param tokenId its id, used to revoke it
 * @param creationTime when it was made, in epoch milliseconds
 * @param expiryTime when it expires, in epoch milliseconds; -1 for never
 * @param comment what it is for
 */
public record TokenInfo(String tokenId, Long creationTime, Long expiryTime, String comment) {}
