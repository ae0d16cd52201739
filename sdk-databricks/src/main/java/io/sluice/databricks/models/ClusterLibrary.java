package io.sluice.databricks.models;

/**
 * A library installed on a cluster; exactly one kind is set. Make one with the factory of its kind,
 * for example {@link #pypi(PyPiLibrary)} or {@link #jar(String)}.
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
   * A JAR.
   *
   * @param location where the JAR is, e.g. {@code /Volumes/main/libs/etl.jar}
   * @return the library
   */
  public static ClusterLibrary jar(String location) {
    return new ClusterLibrary(location, null, null, null, null, null, null);
  }

  /**
   * A Python wheel.
   *
   * @param location where the wheel is
   * @return the library
   */
  public static ClusterLibrary whl(String location) {
    return new ClusterLibrary(null, location, null, null, null, null, null);
  }

  /**
   * A Python egg (not on DBR 14 and later).
   *
   * @param location where the egg is
   * @return the library
   */
  public static ClusterLibrary egg(String location) {
    return new ClusterLibrary(null, null, location, null, null, null, null);
  }

  /**
   * A requirements file, each of its packages installed from PyPI.
   *
   * @param location the file in the workspace or a volume
   * @return the library
   */
  public static ClusterLibrary requirements(String location) {
    return new ClusterLibrary(null, null, null, location, null, null, null);
  }

  /**
   * A PyPI package.
   *
   * @param library the package and its index
   * @return the library
   */
  public static ClusterLibrary pypi(PyPiLibrary library) {
    return new ClusterLibrary(null, null, null, null, library, null, null);
  }

  /**
   * A Maven artifact.
   *
   * @param library the coordinates, repository and exclusions
   * @return the library
   */
  public static ClusterLibrary maven(MavenLibrary library) {
    return new ClusterLibrary(null, null, null, null, null, library, null);
  }

  /**
   * A CRAN package.
   *
   * @param library the package and its mirror
   * @return the library
   */
  public static ClusterLibrary cran(CranLibrary library) {
    return new ClusterLibrary(null, null, null, null, null, null, library);
  }
}
