package io.sluice.databricks.implementation;

/**
 * Where the client connects and how it authenticates, after resolution.
 *
 * @param host the workspace URL
 * @param token a personal access token, or null when a TokenCredential authenticates
 * @param source where the values came from, for messages (never the values)
 */
public record ResolvedConfig(String host, String token, String source) {
  @Override
  public String toString() {
    return "ResolvedConfig{host="
        + host
        + ", token="
        + (token == null ? "none" : "REDACTED")
        + ", source="
        + source
        + "}";
  }
}
