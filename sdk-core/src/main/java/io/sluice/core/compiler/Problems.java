package io.sluice.core.compiler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems so that compilation reports all of them at once. */
final class Problems {
  private final List<Problem> list = new ArrayList<>();
  private boolean errors;

  void error(String step, String field, String message) {
    list.add(new Problem(Problem.Severity.ERROR, step, field, message));
    errors = true;
  }

  void warning(String step, String field, String message) {
    list.add(new Problem(Problem.Severity.WARNING, step, field, message));
  }

  boolean hasErrors() {
    return errors;
  }

  /** Errors first, then in the order found. */
  List<Problem> sorted() {
    List<Problem> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparing(Problem::severity));
    return sorted;
  }
}
