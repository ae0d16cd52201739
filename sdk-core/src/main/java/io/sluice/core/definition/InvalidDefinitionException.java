package io.sluice.core.definition;

import io.sluice.core.SluiceException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A pipeline definition breaks the rules every definition follows (references, cycles, unique
 * names, name rules, parameter values, step tasks). It lists every problem found, each with its
 * JSON path, so that one attempt shows all of them.
 */
public final class InvalidDefinitionException extends SluiceException {
  private static final long serialVersionUID = 1L;

  private final List<DefinitionProblem> problems;

  /**
   * Creates the exception.
   *
   * @param pipeline the pipeline's name, as the definition gives it
   * @param problems what is wrong, at least one
   */
  public InvalidDefinitionException(String pipeline, List<DefinitionProblem> problems) {
    super(message(pipeline, problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(String pipeline, List<DefinitionProblem> problems) {
    return "Pipeline definition '"
        + pipeline
        + "' is invalid ("
        + (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
        + "):"
        + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
  }

  /** Returns every problem found: names first, then values, steps, data and cycles. */
  public List<DefinitionProblem> problems() {
    return problems;
  }
}
