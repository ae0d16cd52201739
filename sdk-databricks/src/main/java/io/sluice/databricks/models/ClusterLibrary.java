package io.sluice.databricks.models;

/**
 * A library installed on a cluster; exactly one kind is set.
 *
 * @param jar a JAR location
 * @param whl a wheel location
 * @param egg an egg location (not on DBR 14 and later)
 * @param requirements a requirements file in the workspace or a volume
 * @param pypi a PyPI package
 * @param maven a Maven artifact
 * @param cran a CRAN package
 */
public record ClusterLibrary(
    String jar,
    String whl,
    String egg,
    String requirements,
    PyPiLibrary pypi,
    MavenLibrary maven,
    CranLibrary cran) {
  /**
   * A PyPI package.
   *
   * @param packageSpec the requirement, e.g. {@code scikit-learn==1.9.1}
   * @param repo an index URL, or null for PyPI
   * @return the library
   */
  public static ClusterLibrary pypi(String packageSpec, String repo) {
    return new ClusterLibrary(
        null, null, null, null, new PyPiLibrary(packageSpec, repo), null, null);
  }

  /**
   * A JAR.
   *
   * @param location where the JAR is
   * @return the library
   */
  public static ClusterLibrary jar(String location) {
    return new ClusterLibrary(location, null, null, null, null, null, null);
  }
}
