package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a secret (an account key, a SAS token, a client secret, an access token). A
 * definition holds only references, never values: a run resolves them from its own secrets, or from
 * the environment variable that an {@code env:NAME} reference names.
 *
 * @param reference the reference name
 */
public record SecretReference(@JsonValue String reference) {
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_.:/-]{1,128}");

  /** The prefix of a reference that names the environment variable holding the value. */
  public static final String ENVIRONMENT_PREFIX = "env:";

  /** Checks the reference's form. */
  @JsonCreator
  public SecretReference {
    if (!isValid(reference)) {
      throw new DefinitionFormatException(
          "secret reference '"
              + reference
              + "' is not a reference; use 1 to 128 letters, digits or the characters _ . : / -");
    }
  }

  /**
   * Whether a text is a well-formed reference name.
   *
   * @param reference the text
   * @return true for 1 to 128 letters, digits or {@code _ . : / -}
   */
  public static boolean isValid(String reference) {
    return reference != null && REFERENCE.matcher(reference).matches();
  }

  /**
   * The environment variable that holds the value, for a reference {@code env:NAME}.
   *
   * @return {@code NAME}, if the reference names an environment variable
   */
  public Optional<String> environmentVariable() {
    return reference.startsWith(ENVIRONMENT_PREFIX)
        ? Optional.of(reference.substring(ENVIRONMENT_PREFIX.length()))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return reference;
  }
}
