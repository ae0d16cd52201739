package io.sluice.core.run;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.SecretReference;
import io.sluice.core.model.Secret;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule by which a run turns a definition's {@link SecretReference}s into values: a secret
 * given in {@link RunOptions#secrets()} wins; an {@code env:NAME} reference otherwise reads the
 * environment variable {@code NAME}. Every transport resolves secrets through it.
 */
public final class RunSecrets {
  private final Map<String, String> values;

  private RunSecrets(Map<String, String> values) {
    this.values = values;
  }

  /**
   * The secrets a run was given.
   *
   * @param options the run's options
   * @return the resolver
   */
  public static RunSecrets of(RunOptions options) {
    return of(options.secrets());
  }

  /**
   * Secrets given as model {@link Secret}s, e.g. to call a client API that takes definition
   * records.
   *
   * @param secrets the secrets, each with its value in memory or in the environment
   * @return the resolver
   */
  public static RunSecrets of(Collection<Secret> secrets) {
    Map<String, String> values = new HashMap<>();
    for (Secret secret : secrets) {
      secret.value().ifPresent(v -> values.put(secret.reference(), v));
    }
    return new RunSecrets(Map.copyOf(values));
  }

  /**
   * A secret's value, if this run can have it.
   *
   * @param reference the secret's reference
   * @return its value, from the run's secrets or the environment
   */
  public Optional<String> find(SecretReference reference) {
    String value = values.get(reference.reference());
    if (value != null) {
      return Optional.of(value);
    }
    return reference.environmentVariable().map(System::getenv);
  }

  /**
   * A secret's value, which the run needs.
   *
   * @param reference the secret's reference
   * @return its value
   * @throws SluiceException when the run has no value for it, naming the reference and the fix
   */
  public String value(SecretReference reference) {
    return find(reference)
        .orElseThrow(
            () ->
                new SluiceException(
                    "Secret '"
                        + reference
                        + "' has no value in this run; pass it with"
                        + " RunOptions.builder().addSecrets(Secret.of(\""
                        + reference
                        + "\", value)), set the environment variable an env: reference names, or"
                        + " submit through Sluice.submit(pipeline, options), which adds the"
                        + " pipeline's secrets"));
  }

  /**
   * A secret's value by reference name, for interfaces that pass references as text.
   *
   * @param reference the reference name
   * @return its value
   * @throws SluiceException when the run has no value for it
   */
  public String value(String reference) {
    return value(new SecretReference(reference));
  }
}
