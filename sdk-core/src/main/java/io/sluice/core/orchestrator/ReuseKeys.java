package io.sluice.core.orchestrator;

import io.sluice.core.definition.StepDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reuse key of a step: equal keys mean an earlier run's results can stand in for running the
 * step. The one place the orchestrator computes it.
 */
final class ReuseKeys {
  private ReuseKeys() {}

  /**
   * The key of a step in a run.
   *
   * @param step the step, whose fingerprint covers its definition and sources
   * @param inputHashes the content hash of each input, by input name
   * @param parameterValues the run's parameter values as text
   * @return a SHA-256, in hex
   */
  static String of(StepDefinition step, Map<String, String> inputHashes, Map<String, String> parameterValues) {
    String text =
        step.fingerprint().value()
            + "\n"
            + lines(inputHashes)
            + "\n"
            + lines(parameterValues);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String lines(Map<String, String> values) {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
  }
}
