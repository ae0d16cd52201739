package io.sluice.core.model;

import io.sluice.core.SluiceException;

/**
 * A model object was built without a value it needs, or was given {@code null}. The message names
 * the missing fields and says to set them.
 */
public final class IncompleteModelException extends SluiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from the builder's own report of what is missing.
   *
   * @param report the names of the missing fields, or a sentence that names them
   */
  public IncompleteModelException(String report) {
    super(explain(report));
  }

  private static String explain(String report) {
    if (report != null && report.matches("\\w+( element| key| value( for key: .*)?)?")) {
      // Immutables reports a null argument by the attribute's bare name (plus "element", "key" or
      // "value" for a null inside a collection or map).
      return report + " is null; give a value, or leave the call out for an optional field";
    }
    return report + "; set each of them on the builder";
  }
}
