package io.sluice.core.http.implementation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Sluice on the class path, for the user agent. */
public final class SluiceVersion {
  // Maven's jar plugin writes this file into every jar; builds run from classes get "dev".
  private static final String POM_PROPERTIES =
      "/META-INF/maven/io.sluice/sluice-core/pom.properties";
  private static final String VERSION = load();

  private SluiceVersion() {}

  /**
   * The version.
   *
   * @return the Maven version of sluice-core, or {@code dev} when run from unpackaged classes
   */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = SluiceVersion.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "dev");
      }
    } catch (IOException e) {
      // An unreadable manifest only costs the user agent its version.
    }
    return "dev";
  }
}
