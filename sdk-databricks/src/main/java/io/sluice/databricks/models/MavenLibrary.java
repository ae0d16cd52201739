package io.sluice.databricks.models;

import java.util.List;

/**
 * A Maven artifact.
 *
 * @param coordinates {@code group:artifact:version}
 * @param repo a repository other than Maven Central, or null
 * @param exclusions {@code group:artifact} pairs to leave out
 */
public record MavenLibrary(String coordinates, String repo, List<String> exclusions) {
  /** Copies the exclusions; none stay out of the request. */
  public MavenLibrary {
    exclusions = exclusions == null || exclusions.isEmpty() ? null : List.copyOf(exclusions);
  }
}
