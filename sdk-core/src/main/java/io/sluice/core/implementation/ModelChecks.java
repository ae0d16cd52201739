package io.sluice.core.implementation;

import io.sluice.core.model.InvalidModelException;
import java.util.Collection;

/** The checks model objects run when they are built; every message names field, value and fix. */
public final class ModelChecks {
  private ModelChecks() {}

  /**
   * Throws when {@code ok} is false.
   *
   * @param ok the condition that must hold
   * @param owner the object being built, e.g. {@code DatabricksStep 'prep'}
   * @param field the field with the bad value
   * @param value the bad value
   * @param fix what to do instead
   */
  public static void check(boolean ok, String owner, String field, Object value, String fix) {
    if (!ok) {
      throw invalid(owner, field, value, fix);
    }
  }

  /** Builds the exception for a bad value without throwing it. */
  public static InvalidModelException invalid(
      String owner, String field, Object value, String fix) {
    return new InvalidModelException(
        field, owner + ": " + field + " is " + show(value) + "; " + fix);
  }

  /** Throws with a free-form rule text (used for rules across several fields). */
  public static void rule(boolean ok, String owner, String field, String rule) {
    if (!ok) {
      throw new InvalidModelException(field, owner + ": " + rule);
    }
  }

  /** Checks a name against {@link NameRule#WORD}. */
  public static void word(String owner, String field, String value) {
    name(NameRule.WORD, owner, field, value);
  }

  /** Checks a name against a rule. */
  public static void name(NameRule rule, String owner, String field, String value) {
    check(rule.accepts(value), owner, field, value, rule.fix());
  }

  /** Checks that a number is at least {@code min}. */
  public static void atLeast(String owner, String field, long value, long min) {
    check(value >= min, owner, field, value, "use a value of " + min + " or more");
  }

  /** Checks that a string is not blank. */
  public static void notBlank(String owner, String field, String value) {
    check(value != null && !value.isBlank(), owner, field, value, "give a non-empty value");
  }

  /** Checks that no element of a collection is blank. */
  public static void noneBlank(String owner, String field, Collection<String> values) {
    for (String value : values) {
      notBlank(owner, field, value);
    }
  }

  /** Renders a value for a message: strings quoted, null and empty said in words. */
  public static String show(Object value) {
    if (value == null) {
      return "missing";
    }
    if (value instanceof String s) {
      return s.isEmpty() ? "empty" : "'" + s + "'";
    }
    return String.valueOf(value);
  }
}
