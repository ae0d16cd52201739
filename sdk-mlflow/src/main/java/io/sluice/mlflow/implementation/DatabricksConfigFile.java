package io.sluice.mlflow.implementation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code ~/.databrickscfg}: INI sections named after profiles, {@code key = value} lines,
 * {@code #} and {@code ;} comments. Profile names are taken verbatim, so {@code my_profile} and
 * {@code dev-east} work (the official Java client loses names that are not valid host names).
 */
public final class DatabricksConfigFile {
  private DatabricksConfigFile() {}

  /**
   * Reads the profiles of a config file.
   *
   * @param file the file
   * @return profile name to its keys and values, in file order; empty when the file is absent
   */
  public static Map<String, Map<String, String>> read(Path file) {
    Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return profiles;
    }
    Map<String, String> current = null;
    try {
      for (String raw : Files.readAllLines(file)) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
          continue;
        }
        if (line.startsWith("[") && line.endsWith("]")) {
          current =
              profiles.computeIfAbsent(
                  line.substring(1, line.length() - 1).strip(), name -> new LinkedHashMap<>());
        } else if (current != null && line.contains("=")) {
          int eq = line.indexOf('=');
          current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Databricks config file " + file, e);
    }
    return profiles;
  }
}
