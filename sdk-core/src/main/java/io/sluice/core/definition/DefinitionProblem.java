package io.sluice.core.definition;

import java.io.Serializable;

/**
 * One thing wrong with a pipeline definition.
 *
 * @param path where in the definition's JSON, e.g. {@code steps[1].dependsOn[0]}
 * @param message what is wrong, naming the bad value and the fix
 */
public record DefinitionProblem(String path, String message) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * @return {@code path: message}
   */
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
