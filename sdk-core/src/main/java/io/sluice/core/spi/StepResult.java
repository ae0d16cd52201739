package io.sluice.core.spi;

/**
 * What a completed step returned.
 *
 * @param value e.g. the value a notebook passed to {@code dbutils.notebook.exit}; empty if none
 */
public record StepResult(String value) {
  /** Returns a result with no value. */
  public static StepResult empty() {
    return new StepResult("");
  }
}
