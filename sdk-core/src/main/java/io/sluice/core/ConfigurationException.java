package io.sluice.core;

/** Configuration read from a file or the environment is missing or malformed. */
public final class ConfigurationException extends SluiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the file, the key and the fix
   */
  public ConfigurationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message names the file, the key and the fix
   * @param cause the underlying failure
   */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A configuration key nobody reads.
   *
   * @param what what was configured, e.g. {@code orchestrated transport}
   * @param key the key as the user wrote it
   * @param value its value
   * @param knownKeys the keys that are read, as the user would write them
   * @return the exception, naming the key, its value and the known keys
   */
  public static ConfigurationException unknownKey(
      String what, String key, String value, String knownKeys) {
    return new ConfigurationException(
        what
            + ": unknown configuration key '"
            + key
            + "' (value '"
            + value
            + "'); known keys: "
            + knownKeys);
  }
}
