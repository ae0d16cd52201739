package io.sluice.databricks.implementation;

import io.sluice.core.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves host and token the way the Databricks CLI and SDKs do: explicit values first, then
 * {@code DATABRICKS_HOST} / {@code DATABRICKS_TOKEN} for what is still unset, then a profile of
 * {@code ~/.databrickscfg}. The file is skipped when no profile is named and the host or a
 * credential is already known; the profile is the named one, else {@code
 * DATABRICKS_CONFIG_PROFILE}, else {@code [__settings__] default_profile}, else {@code DEFAULT}.
 */
public final class ConfigResolver {
  private ConfigResolver() {}

  /**
   * Resolves the configuration.
   *
   * @param host an explicit host, or null
   * @param token an explicit token, or null
   * @param hasCredential whether a TokenCredential authenticates instead of a token
   * @param profile an explicit profile name, or null
   * @param configFile an explicit config file, or null
   * @param env the environment variables
   * @return the configuration
   * @throws IllegalStateException when no host or no credential can be found
   */
  public static ResolvedConfig resolve(
      String host,
      String token,
      boolean hasCredential,
      String profile,
      Path configFile,
      Map<String, String> env) {
    String source = "explicit values";
    if (host == null && env.get("DATABRICKS_HOST") != null) {
      host = env.get("DATABRICKS_HOST");
      source = "DATABRICKS_HOST";
    }
    if (token == null && !hasCredential && env.get("DATABRICKS_TOKEN") != null) {
      token = env.get("DATABRICKS_TOKEN");
      source = source + ", DATABRICKS_TOKEN";
    }
    String profileName = profile != null ? profile : env.get("DATABRICKS_CONFIG_PROFILE");
    boolean known = host != null || token != null || hasCredential;
    Path file =
        configFile != null
            ? configFile
            : env.get("DATABRICKS_CONFIG_FILE") != null
                ? Path.of(env.get("DATABRICKS_CONFIG_FILE"))
                : Path.of(
                    env.getOrDefault("HOME", System.getProperty("user.home")), ".databrickscfg");
    if (profileName != null || !known) {
      Map<String, Map<String, String>> sections =
          Files.isRegularFile(file) ? readIni(file) : Map.of();
      if (profileName == null) {
        profileName =
            sections
                .getOrDefault("__settings__", Map.of())
                .getOrDefault("default_profile", "DEFAULT");
      }
      Map<String, String> section = sections.get(profileName);
      if (section == null && (profile != null || env.get("DATABRICKS_CONFIG_PROFILE") != null)) {
        throw new IllegalStateException(
            "Databricks profile '"
                + profileName
                + "' is not in "
                + file
                + "; profiles there: "
                + (sections.isEmpty() ? "none" : String.join(", ", sections.keySet()))
                + ". Add a ["
                + profileName
                + "] section with host and token, or name another profile");
      }
      if (section != null) {
        if (host == null && section.get("host") != null) {
          host = section.get("host");
        }
        if (token == null && !hasCredential && section.get("token") != null) {
          token = section.get("token");
        }
        source = "profile [" + profileName + "] of " + file;
      }
    }
    if (host == null || host.isBlank()) {
      throw new IllegalStateException(
          "No Databricks host: set endpoint(...) on the builder, DATABRICKS_HOST, or host in a profile of "
              + file);
    }
    if ((token == null || token.isBlank()) && !hasCredential) {
      throw new IllegalStateException(
          "No Databricks credential for "
              + host
              + ": set token(...) or credential(...) on the builder,"
              + " DATABRICKS_TOKEN, or token in a profile of "
              + file);
    }
    host = host.strip();
    if (!host.contains("://")) {
      host = "https://" + host;
    }
    return new ResolvedConfig(
        host.endsWith("/") ? host.substring(0, host.length() - 1) : host, token, source);
  }

  /**
   * Reads an INI file: sections of {@code key = value} lines; {@code #} and {@code ;} comment.
   *
   * @param file the file
   * @return keys by section, in file order
   */
  static Map<String, Map<String, String>> readIni(Path file) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    try {
      int number = 0;
      for (String raw : Files.readAllLines(file)) {
        number++;
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
          continue;
        }
        if (line.startsWith("[") && line.endsWith("]")) {
          current =
              sections.computeIfAbsent(
                  line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
          continue;
        }
        int eq = line.indexOf('=');
        if (eq < 0 || current == null) {
          // The line may hold a token, so only its number is named.
          throw new ConfigurationException(
              file
                  + " line "
                  + number
                  + " is neither [section] nor key = value inside a section; fix or remove it");
        }
        current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sections;
  }
}
