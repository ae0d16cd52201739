package io.sluice.core.orchestrator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Idempotency keys from (pipeline run id, step name, submission): readable when short enough,
 * otherwise a readable prefix and a hash, always at most 64 characters (Databricks' limit for
 * {@code idempotency_token}).
 */
public final class IdempotencyKeys {
  /** The longest key: Databricks' limit. */
  public static final int MAX_LENGTH = 64;

  private static final int HASH_LENGTH = 24;

  private IdempotencyKeys() {}

  /**
   * The key of a step's first submission in a run: the one every attempt uses until the step fails.
   *
   * @param runId the pipeline run's id
   * @param step the step's name
   * @return the key
   */
  public static String of(String runId, String step) {
    String plain = readable(runId + "-" + step);
    return plain.length() <= MAX_LENGTH ? plain : cut(plain, runId + "\n" + step);
  }

  /**
   * The key of a step submitted by an attempt of the run after an earlier attempt's submission of
   * it failed or was canceled, so that the remote service starts a new run instead of answering
   * with the failed one.
   *
   * @param runId the pipeline run's id
   * @param step the step's name
   * @param attempt the number of the attempt that submits the step; 1 gives {@link #of(String,
   *     String)}
   * @return the key
   */
  public static String of(String runId, String step, int attempt) {
    if (attempt == 1) {
      return of(runId, step);
    }
    // Always hashed: a step named like another step's key plus a suffix cannot take its key.
    return cut(
        readable(runId + "-" + step + "-attempt" + attempt), runId + "\n" + step + "\n" + attempt);
  }

  private static String readable(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /**
   * A readable prefix of {@code plain} and a hash of {@code identity}, at most {@link #MAX_LENGTH}
   * long.
   */
  private static String cut(String plain, String identity) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      String hash = HexFormat.of().formatHex(digest, 0, HASH_LENGTH / 2);
      return plain.substring(0, Math.min(plain.length(), MAX_LENGTH - hash.length() - 1))
          + "-"
          + hash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
