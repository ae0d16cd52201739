package io.sluice.core.compiler;

import io.sluice.core.SluiceException;
import java.util.List;
import java.util.stream.Collectors;

/** A pipeline did not compile. Holds every problem found, not just the first. */
public final class PipelineValidationException extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param pipeline the pipeline's name
   * @param problems every problem found, errors and warnings
   */
  public PipelineValidationException(String pipeline, List<Problem> problems) {
    super(message(pipeline, problems));
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem found, errors first. */
  public List<Problem> problems() {
    return problems;
  }

  /** Returns the errors alone. */
  public List<Problem> errors() {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
  }

  private static String message(String pipeline, List<Problem> problems) {
    long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
    return "Pipeline '"
        + pipeline
        + "' has "
        + errors
        + (errors == 1 ? " error" : " errors")
        + ":\n"
        + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
  }
}
