package io.sluice.azureml.implementation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ignore rules of a snapshot, as Azure ML reads them: {@code .amlignore} when present, else
 * {@code .gitignore}, in the source directory's root. The usual gitignore subset: comments, {@code
 * !} negation, {@code /} anchoring, a trailing {@code /} for folders, {@code *}, {@code **} and
 * {@code ?}. The last matching rule wins.
 */
final class IgnoreFile {
  private record Rule(Pattern pattern, boolean negate, boolean directoryOnly) {}

  private final List<Rule> rules;

  private IgnoreFile(List<Rule> rules) {
    this.rules = rules;
  }

  static IgnoreFile forDirectory(Path directory) {
    for (String name : List.of(".amlignore", ".gitignore")) {
      Path file = directory.resolve(name);
      if (Files.isRegularFile(file)) {
        try {
          return parse(Files.readAllLines(file));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
    }
    return parse(List.of());
  }

  static IgnoreFile parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    // Version control metadata is never part of a snapshot.
    rules.add(new Rule(Pattern.compile("(.*/)?\\.git"), false, true));
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negate = line.startsWith("!");
      if (negate) {
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
      String regex = glob(line);
      rules.add(new Rule(Pattern.compile(anchored ? regex : "(.*/)?" + regex), negate,
          directoryOnly));
    }
    return new IgnoreFile(rules);
  }

  /**
   * Whether a path is ignored, itself or through a folder above it.
   *
   * @param relative the path below the root, with {@code /} separators
   * @return true when ignored
   */
  boolean ignored(String relative) {
    String[] parts = relative.split("/");
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

  private boolean matches(String path, boolean directory) {
    boolean ignored = false;
    for (Rule rule : rules) {
      if ((!rule.directoryOnly() || directory) && rule.pattern().matcher(path).matches()) {
        ignored = !rule.negate();
      }
    }
    return ignored;
  }

  private static String glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
          i++;
          regex.setLength(regex.length() - 2);
          regex.append("(.*/)?");
        }
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
