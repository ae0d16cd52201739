package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** A library installed on a Databricks cluster for a step. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = LibraryDefinition.Maven.class, name = "maven"),
  @JsonSubTypes.Type(value = LibraryDefinition.PyPi.class, name = "pypi"),
  @JsonSubTypes.Type(value = LibraryDefinition.Egg.class, name = "egg"),
  @JsonSubTypes.Type(value = LibraryDefinition.Jar.class, name = "jar"),
  @JsonSubTypes.Type(value = LibraryDefinition.Whl.class, name = "whl"),
  @JsonSubTypes.Type(value = LibraryDefinition.Cran.class, name = "cran")
})
public sealed interface LibraryDefinition {

  /**
   * A Maven artifact.
   *
   * @param coordinates {@code group:artifact:version}
   * @param repo a repository URL other than Maven Central
   * @param exclusions {@code group:artifact} pairs to leave out
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Maven(String coordinates, String repo, List<String> exclusions)
      implements LibraryDefinition {
    /** Normalises absent exclusions. */
    public Maven {
      exclusions = Definitions.list(exclusions);
    }
  }

  /**
   * A PyPI package.
   *
   * @param packageSpec the requirement
   * @param repo an index URL other than PyPI
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PyPi(String packageSpec, String repo) implements LibraryDefinition {}

  /**
   * A Python egg.
   *
   * @param library its location
   */
  record Egg(String library) implements LibraryDefinition {}

  /**
   * A JAR.
   *
   * @param library its location, e.g. {@code dbfs:/libs/x.jar} or a local path
   */
  record Jar(String library) implements LibraryDefinition {}

  /**
   * A Python wheel.
   *
   * @param library its location
   */
  record Whl(String library) implements LibraryDefinition {}

  /**
   * An R package from CRAN.
   *
   * @param packageName the package
   * @param repo a CRAN mirror other than the default
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Cran(String packageName, String repo) implements LibraryDefinition {}
}
