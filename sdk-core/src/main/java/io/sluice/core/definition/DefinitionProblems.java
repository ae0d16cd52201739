package io.sluice.core.definition;

import io.sluice.core.implementation.ModelChecks;
import java.util.ArrayList;
import java.util.List;

/** The problems found so far in one definition, and the wording the checks share. */
final class DefinitionProblems {
  private final List<DefinitionProblem> found = new ArrayList<>();

  void add(String path, String message) {
    found.add(new DefinitionProblem(path, message));
  }

  /** A reference by name that must name one of {@code kind}, listed under {@code section}. */
  void unknown(String path, String kind, String name, String section) {
    add(
        path,
        kind
            + " "
            + ModelChecks.show(name)
            + " is not in "
            + section
            + "; name one that is, or add it to "
            + section);
  }

  List<DefinitionProblem> list() {
    return found;
  }

  static String show(Object value) {
    return ModelChecks.show(value);
  }
}
