package io.sluice.core.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.sluice.core.implementation.ModelChecks;
import java.util.List;
import java.util.Optional;

/** A library installed on a Databricks cluster for a step, as Azure ML v1's library classes. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Library.Maven.class, name = "maven"),
  @JsonSubTypes.Type(value = Library.PyPi.class, name = "pypi"),
  @JsonSubTypes.Type(value = Library.Egg.class, name = "egg"),
  @JsonSubTypes.Type(value = Library.Jar.class, name = "jar"),
  @JsonSubTypes.Type(value = Library.Whl.class, name = "whl"),
  @JsonSubTypes.Type(value = Library.Cran.class, name = "cran")
})
public sealed interface Library {

  /**
   * A Maven artifact.
   *
   * @param coordinates {@code group:artifact:version}
   * @param repo a repository URL other than Maven Central
   * @param exclusions {@code group:artifact} pairs to leave out
   */
  record Maven(String coordinates, Optional<String> repo, List<String> exclusions)
      implements Library {
    /** Checks the coordinates. */
    public Maven {
      ModelChecks.check(
          coordinates != null && coordinates.matches("[^:\\s]+:[^:\\s]+:[^:\\s]+"),
          "Library.Maven",
          "coordinates",
          coordinates,
          "use group:artifact:version");
      repo = repo == null ? Optional.empty() : repo;
      exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }
  }

  /**
   * A PyPI package.
   *
   * @param packageSpec the requirement, e.g. {@code scikit-learn==1.9.1}
   * @param repo an index URL other than PyPI
   */
  record PyPi(String packageSpec, Optional<String> repo) implements Library {
    /** Checks the package. */
    public PyPi {
      ModelChecks.notBlank("Library.PyPi", "packageSpec", packageSpec);
      repo = repo == null ? Optional.empty() : repo;
    }
  }

  /**
   * A Python egg.
   *
   * @param library its location, e.g. {@code dbfs:/libs/x.egg}
   */
  record Egg(String library) implements Library {
    /** Checks the location. */
    public Egg {
      ModelChecks.notBlank("Library.Egg", "library", library);
    }
  }

  /**
   * A JAR.
   *
   * @param library its location, e.g. {@code dbfs:/libs/x.jar} or a local path
   */
  record Jar(String library) implements Library {
    /** Checks the location. */
    public Jar {
      ModelChecks.notBlank("Library.Jar", "library", library);
    }
  }

  /**
   * A Python wheel.
   *
   * @param library its location
   */
  record Whl(String library) implements Library {
    /** Checks the location. */
    public Whl {
      ModelChecks.notBlank("Library.Whl", "library", library);
    }
  }

  /**
   * An R package from CRAN.
   *
   * @param packageName the package
   * @param repo a CRAN mirror other than the default
   */
  record Cran(String packageName, Optional<String> repo) implements Library {
    /** Checks the package. */
    public Cran {
      ModelChecks.notBlank("Library.Cran", "packageName", packageName);
      repo = repo == null ? Optional.empty() : repo;
    }
  }

  /**
   * A Maven library.
   *
   * @param coordinates {@code group:artifact:version}
   * @return the library
   */
  static Library maven(String coordinates) {
    return new Maven(coordinates, Optional.empty(), List.of());
  }

  /**
   * A PyPI library.
   *
   * @param packageSpec the requirement
   * @return the library
   */
  static Library pypi(String packageSpec) {
    return new PyPi(packageSpec, Optional.empty());
  }

  /**
   * A JAR library.
   *
   * @param location where the JAR is
   * @return the library
   */
  static Library jar(String location) {
    return new Jar(location);
  }
}
