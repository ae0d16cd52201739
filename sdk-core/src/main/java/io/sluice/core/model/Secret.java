package io.sluice.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.core.definition.SecretReference;
import io.sluice.core.implementation.ModelChecks;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret value (an account key, a SAS token, a client secret) known by a reference name.
 *
 * <p>Only the reference travels: it is what a compiled definition, {@link #toString()}, logs and
 * exception messages show. The value stays in memory, or in the environment variable the reference
 * names ({@code env:NAME}), until a transport hands it to a secret store at run time.
 */
public final class Secret {
  private final String reference;
  private final String value;

  private Secret(String reference, String value) {
    ModelChecks.check(
        SecretReference.isValid(reference),
        "Secret",
        "reference",
        reference,
        "use 1 to 128 letters, digits or the characters _ . : / -");
    this.reference = reference;
    this.value = value;
  }

  /**
   * A secret whose value is held in memory.
   *
   * @param reference the name by which definitions, logs and secret stores refer to it
   * @param value the secret value; never printed
   * @return the secret
   */
  public static Secret of(String reference, String value) {
    ModelChecks.rule(
        value != null && !value.isEmpty(),
        "Secret '" + reference + "'",
        "value",
        "value is missing; give the secret's value, or use Secret.fromEnvironment(name)");
    return new Secret(reference, value);
  }

  /**
   * A secret read from an environment variable when it is needed.
   *
   * @param variable the environment variable that holds the value
   * @return the secret, with reference {@code env:<variable>}
   */
  public static Secret fromEnvironment(String variable) {
    ModelChecks.notBlank("Secret", "variable", variable);
    return new Secret(SecretReference.ENVIRONMENT_PREFIX + variable, null);
  }

  /**
   * A secret known only by its reference, as read back from a compiled definition.
   *
   * @param reference the reference name
   * @return the secret, without a value in memory
   */
  @JsonCreator
  public static Secret reference(String reference) {
    return new Secret(reference, null);
  }

  /**
   * The reference name.
   *
   * @return the name by which this secret is known
   */
  @JsonValue
  public String reference() {
    return reference;
  }

  /**
   * The value, from memory or from the environment variable named by the reference.
   *
   * @return the value if it can be had here
   */
  public Optional<String> value() {
    if (value != null) {
      return Optional.of(value);
    }
    return new SecretReference(reference).environmentVariable().map(System::getenv);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.reference.equals(reference);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reference);
  }

  @Override
  public String toString() {
    return "Secret{" + reference + "}";
  }
}
