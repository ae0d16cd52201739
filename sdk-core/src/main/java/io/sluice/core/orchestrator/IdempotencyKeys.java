package io.sluice.core.orchestrator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Idempotency keys from (pipeline run id, step name): readable when short enough, otherwise a
 * readable prefix and a hash, always at most 64 characters (Databricks' limit for {@code
 * idempotency_token}).
 */
public final class IdempotencyKeys {
  /** The longest key: Databricks' limit. */
  public static final int MAX_LENGTH = 64;

  private IdempotencyKeys() {}

  /**
   * The key of one step of one run.
   *
   * @param runId the pipeline run's id
   * @param step the step's name
   * @return the key
   */
  public static String of(String runId, String step) {
    String plain = (runId + "-" + step).replaceAll("[^A-Za-z0-9_-]", "_");
    if (plain.length() <= MAX_LENGTH) {
      return plain;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest((runId + "\n" + step).getBytes(StandardCharsets.UTF_8));
      String hash = HexFormat.of().formatHex(digest, 0, 12);
      return plain.substring(0, MAX_LENGTH - hash.length() - 1) + "-" + hash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
