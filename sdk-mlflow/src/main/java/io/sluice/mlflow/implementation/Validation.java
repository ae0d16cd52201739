package io.sluice.mlflow.implementation;

import java.util.regex.Pattern;

/**
 * The server's own checks on keys and values, made before a request leaves, so that one bad name
 * fails the call that made it instead of a whole batch later.
 */
public final class Validation {
  /** Longest metric, param or tag key. */
  public static final int MAX_KEY_LENGTH = 250;

  /** Longest param value, in characters. */
  public static final int MAX_PARAM_VALUE_LENGTH = 6000;

  /** Longest run tag value, in characters. */
  public static final int MAX_TAG_VALUE_LENGTH = 8000;

  private static final Pattern KEY = Pattern.compile("[/\\w.\\- :]*");

  private Validation() {}

  /**
   * Checks a metric, param or tag key.
   *
   * @param field what the key names, for example {@code metric key}
   * @param key the key
   * @return the key
   * @throws IllegalArgumentException naming the field, the value and the rule it breaks
   */
  public static String key(String field, String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException(
          "'"
              + field
              + "' is "
              + (key == null ? "null" : "empty")
              + "; pass a name such as 'loss' or 'train/accuracy'");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "'"
              + field
              + "' '"
              + key.substring(0, 40)
              + "…' has "
              + key.length()
              + " characters; MLflow accepts at most "
              + MAX_KEY_LENGTH);
    }
    if (!KEY.matcher(key).matches() || key.startsWith("/") || key.contains("..")) {
      throw new IllegalArgumentException(
          "'"
              + field
              + "' '"
              + key
              + "' is not a valid MLflow"
              + " name; use letters, digits, '_', '-', '.', ' ', ':' and '/', no leading '/' or '..'");
    }
    return key;
  }

  /**
   * Checks a param or tag value.
   *
   * @param field what the value belongs to, for example {@code param 'lr'}
   * @param value the value
   * @param maxLength the server's limit
   * @return the value
   * @throws IllegalArgumentException naming the field when the value is null or too long
   */
  public static String value(String field, String value, int maxLength) {
    if (value == null) {
      throw new IllegalArgumentException("the value of " + field + " is null; pass a string");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          "the value of "
              + field
              + " has "
              + value.length()
              + " characters; MLflow accepts at most "
              + maxLength
              + ", shorten it or log it as an artifact");
    }
    return value;
  }
}
