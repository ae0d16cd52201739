package io.sluice.core.compiler;

/**
 * One problem found while compiling a pipeline.
 *
 * @param severity an error stops compilation; a warning does not
 * @param step the step it concerns, or null for the pipeline as a whole
 * @param field the field it concerns
 * @param message what is wrong and how to fix it
 */
public record Problem(Severity severity, String step, String field, String message) {

  /** How serious a problem is. */
  public enum Severity {
    /** Compilation fails. */
    ERROR,
    /** Compilation goes on; the problem is reported. */
    WARNING
  }

  @Override
  public String toString() {
    return (severity == Severity.WARNING ? "warning: " : "")
        + (step == null ? "pipeline" : "step '" + step + "'")
        + ", "
        + field
        + ": "
        + message;
  }
}
