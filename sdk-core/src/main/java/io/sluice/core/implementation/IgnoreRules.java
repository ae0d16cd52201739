package io.sluice.core.implementation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ignore file of a source directory, as Azure ML reads it: {@code .amlignore} when present,
 * else {@code .gitignore}, in gitignore syntax (globs, {@code **}, {@code !} negation, trailing
 * {@code /} for folders, a {@code /} anchoring to the root). Python byte code is always ignored: it
 * changes when a script merely runs.
 */
public final class IgnoreRules {
  private record Rule(Pattern pattern, boolean negated, boolean directoryOnly) {}

  /** Byte code changes whenever a script merely runs; .git is never part of a snapshot. */
  private static final List<String> ALWAYS_IGNORED = List.of("__pycache__/", "*.pyc", ".git/");

  private final List<Rule> rules;

  private IgnoreRules(List<Rule> rules) {
    this.rules = rules;
  }

  /**
   * The rules of a source directory: its .amlignore, else its .gitignore, plus byte code and .git.
   */
  public static IgnoreRules forDirectory(Path directory) {
    Path file = directory.resolve(".amlignore");
    if (!Files.isRegularFile(file)) {
      file = directory.resolve(".gitignore");
    }
    if (!Files.isRegularFile(file)) {
      return parse(List.of());
    }
    try {
      return parse(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rules from gitignore lines, plus byte code and .git. */
  public static IgnoreRules parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    List<String> all = new ArrayList<>(ALWAYS_IGNORED);
    all.addAll(lines);
    for (String raw : all) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negated = line.startsWith("!");
      if (negated) {
        line = line.substring(1);
      }
      boolean directoryOnly = line.endsWith("/");
      if (directoryOnly) {
        line = line.substring(0, line.length() - 1);
      }
      boolean anchored = line.startsWith("/") || line.contains("/");
      if (line.startsWith("/")) {
        line = line.substring(1);
      }
      String regex = (anchored ? "" : "(?:.*/)?") + globToRegex(line);
      rules.add(new Rule(Pattern.compile(regex), negated, directoryOnly));
    }
    return new IgnoreRules(rules);
  }

  /** Whether a file, given by its {@code /}-separated path relative to the root, is ignored. */
  public boolean ignores(String relativeFile) {
    String[] parts = relativeFile.split("/", -1);
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        prefix.append('/');
      }
      prefix.append(parts[i]);
      if (matches(prefix.toString(), i < parts.length - 1)) {
        return true;
      }
    }
    return false;
  }

  /** The last rule that matches decides, as in git. */
  private boolean matches(String path, boolean isDirectory) {
    boolean ignored = false;
    for (Rule rule : rules) {
      if ((!rule.directoryOnly || isDirectory) && rule.pattern.matcher(path).matches()) {
        ignored = !rule.negated;
      }
    }
    return ignored;
  }

  private static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
        regex.append(slashFollows ? "(?:.*/)?" : ".*");
        i += slashFollows ? 2 : 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '[') {
        int end = glob.indexOf(']', i);
        if (end < 0) {
          regex.append("\\[");
        } else {
          String set = glob.substring(i + 1, end);
          // gitignore negates a set with '!', regular expressions with '^'.
          regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
          i = end;
        }
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
