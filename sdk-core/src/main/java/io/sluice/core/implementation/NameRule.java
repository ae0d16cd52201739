package io.sluice.core.implementation;

/**
 * The name rules shared by the model, which checks names as objects are built, and the definition,
 * which checks them again whoever made it: one rule and one fix per kind of name. No rule lets a
 * name hold a path separator or {@code ..}, since names become folder names, task keys and run
 * names. Rules are character tables rather than regular expressions: a 10,000-step definition
 * checks some 30,000 names.
 */
public enum NameRule {
  /** Step names become task keys, folder names and run names: a safe subset of all three. */
  STEP(
      "A-Za-z0-9_",
      "A-Za-z0-9_.-",
      1,
      100,
      true,
      "use 1 to 100 letters, digits, '_', '.' or '-', starting with a letter, digit or '_', with no '..'"),
  /** Azure ML's rule for port, data and parameter names (v1 {@code \w+}). */
  WORD(
      "A-Za-z0-9_",
      "A-Za-z0-9_",
      1,
      Integer.MAX_VALUE,
      false,
      "use only letters, digits and underscores"),
  /** Azure ML datastore names: lower-case letters, digits and underscores. */
  DATASTORE(
      "a-z0-9_",
      "a-z0-9_",
      1,
      255,
      false,
      "use lower-case letters, digits and underscores (Azure ML's datastore name rule)"),
  /** Pipeline names become experiment and job names. */
  PIPELINE(
      "A-Za-z0-9_",
      "A-Za-z0-9_.-",
      1,
      255,
      true,
      "use letters, digits, '_', '.' or '-', starting with a letter, digit or '_', with no '..'"),
  /** Azure ML's compute-name rule. */
  COMPUTE(
      "A-Za-z",
      "A-Za-z0-9-",
      2,
      32,
      false,
      "use 2 to 32 letters, digits and hyphens, starting with a letter"),
  /** Environment names become folder names of local virtualenvs, so {@code .} is refused too. */
  ENVIRONMENT(
      "A-Za-z0-9_.-",
      "A-Za-z0-9_.-",
      1,
      255,
      true,
      "use letters, digits, '_', '.' or '-', with no '..'");

  // The allowed ASCII characters as 128-bit sets: bit c of (low, high) stands for character c.
  private final long firstLow;
  private final long firstHigh;
  private final long restLow;
  private final long restHigh;
  private final int minLength;
  private final int maxLength;
  private final boolean noDots;
  private final String fix;

  NameRule(String first, String rest, int minLength, int maxLength, boolean noDots, String fix) {
    this.firstLow = bits(first, 0);
    this.firstHigh = bits(first, 64);
    this.restLow = bits(rest, 0);
    this.restHigh = bits(rest, 64);
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.noDots = noDots;
    this.fix = fix;
  }

  /**
   * The characters from {@code from} to {@code from + 63} among ASCII characters given as ranges
   * and single characters, e.g. {@code A-Za-z0-9_.-}, as bits.
   */
  private static long bits(String characters, int from) {
    long bits = 0;
    for (int i = 0; i < characters.length(); i++) {
      char c = characters.charAt(i);
      char last = c;
      if (i + 2 < characters.length() && characters.charAt(i + 1) == '-') {
        last = characters.charAt(i + 2);
        i += 2;
      }
      for (char in = c; in <= last; in++) {
        if (in >= from && in < from + 64) {
          bits |= 1L << (in - from);
        }
      }
    }
    return bits;
  }

  /**
   * Whether a name follows the rule.
   *
   * @param name the name, possibly null
   * @return true for a non-null name that follows it
   */
  public boolean accepts(String name) {
    if (name == null
        || name.length() < minLength
        || name.length() > maxLength
        || !allowed(firstLow, firstHigh, name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!allowed(restLow, restHigh, c) || (noDots && c == '.' && name.charAt(i - 1) == '.')) {
        return false;
      }
    }
    return !(noDots && name.equals("."));
  }

  private static boolean allowed(long low, long high, char c) {
    return c < 64 ? (low & (1L << c)) != 0 : c < 128 && (high & (1L << (c - 64))) != 0;
  }

  /** Returns what a name must look like, as the fix part of a message. */
  public String fix() {
    return fix;
  }
}
