package io.sluice.testing;

import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepExecutor;
import io.sluice.core.spi.StepFailedException;
import io.sluice.core.spi.StepResult;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The step executor of a {@link RecordingTransport} run: runs nothing, and ends every step as its
 * fake outcome says, or completes it when it has none. Remembers which fakes were used.
 */
final class ScriptedStepExecutor implements StepExecutor {
  /** The result of a step completed without a fake outcome, as its status message shows it. */
  static final String NOT_RUN = "recorded, not run";

  /** The result of a step faked as completed. */
  static final String FAKE_OUTCOME = "fake outcome";

  private final Map<String, Optional<String>> failures;
  private final Set<String> used = ConcurrentHashMap.newKeySet();

  /** @param failures by step name: the failure message, or empty to complete the step */
  ScriptedStepExecutor(Map<String, Optional<String>> failures) {
    this.failures = Map.copyOf(failures);
  }

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public boolean supports(StepDefinition step, ComputeDefinition compute, String transport) {
    return true;
  }

  @Override
  public StepResult execute(StepContext context) {
    String step = context.step().name();
    Optional<String> failure = failures.get(step);
    if (failure == null) {
      return new StepResult(NOT_RUN);
    }
    used.add(step);
    if (failure.isPresent()) {
      throw new StepFailedException(failure.get());
    }
    return new StepResult(FAKE_OUTCOME);
  }

  /** Nothing is staged to upload: the outputs are only named. */
  @Override
  public boolean writesOutputsInPlace() {
    return true;
  }

  /** @return the steps whose fake outcome was used */
  Set<String> used() {
    return Set.copyOf(used);
  }
}
