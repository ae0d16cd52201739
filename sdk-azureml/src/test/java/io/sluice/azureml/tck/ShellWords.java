package io.sluice.azureml.tck;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line split into words as the POSIX shell an Azure ML command job runs in splits it:
 * blanks separate words, single quotes keep everything, double quotes and backslashes escape. Text
 * the shell would act on rather than pass on (an unquoted {@code $}, backtick or operator) is
 * refused, so that a harness never reports arguments a real job would not have received.
 */
final class ShellWords {
  private static final String OPERATORS = "$`;&|<>()";

  private ShellWords() {}

  /**
   * Splits a command line.
   *
   * @param line the line, placeholders already substituted
   * @return its words
   * @throws IllegalArgumentException when the shell would expand or interpret part of it
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        continue;
      }
      word = word == null ? new StringBuilder() : word;
      if (c == '\'') {
        int end = closing(line, i, '\'');
        word.append(line, i + 1, end);
        i = end;
      } else if (c == '"') {
        i = doubleQuoted(line, i, word);
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else if (OPERATORS.indexOf(c) >= 0) {
        throw new IllegalArgumentException(
            "the shell would interpret '" + c + "' at " + i + " of: " + line);
      } else {
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  private static int doubleQuoted(String line, int open, StringBuilder word) {
    int end = closing(line, open, '"');
    for (int i = open + 1; i < end; i++) {
      char c = line.charAt(i);
      if (c == '\\' && "$`\"\\".indexOf(line.charAt(i + 1)) >= 0) {
        word.append(line.charAt(++i));
      } else if (c == '$' || c == '`') {
        throw new IllegalArgumentException(
            "the shell would expand '" + c + "' at " + i + " of: " + line);
      } else {
        word.append(c);
      }
    }
    return end;
  }

  private static int closing(String line, int open, char quote) {
    for (int i = open + 1; i < line.length(); i++) {
      if (line.charAt(i) == quote) {
        return i;
      }
      if (quote == '"' && line.charAt(i) == '\\') {
        i++;
      }
    }
    throw new IllegalArgumentException("unterminated " + quote + " at " + open + " of: " + line);
  }
}
