package io.sluice.core.orchestrator;

import io.sluice.core.SluiceException;
import io.sluice.core.model.Secret;
import io.sluice.core.run.RunOptions;
import java.util.HashMap;
import java.util.Map;

/** The secret values a run's steps and datastores may use: those passed at submission, else the environment's. */
final class RunSecrets {
  private final Map<String, String> values = new HashMap<>();

  RunSecrets(RunOptions options) {
    options.secrets().forEach(s -> s.value().ifPresent(v -> values.put(s.reference(), v)));
  }

  /**
   * A secret's value.
   *
   * @param reference the secret's reference
   * @return its value
   * @throws SluiceException naming the reference (never a value) and how to pass it
   */
  String value(String reference) {
    String value = values.get(reference);
    if (value == null) {
      value = Secret.reference(reference).value().orElse(null);
    }
    if (value == null) {
      throw new SluiceException(
          "Secret '" + reference + "' has no value in this run; pass it with RunOptions.builder().addSecrets(...)"
              + " or submit through Sluice.submit(pipeline, options), which adds the pipeline's secrets");
    }
    return value;
  }
}
