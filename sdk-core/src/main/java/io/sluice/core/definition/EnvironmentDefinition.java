package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The Python environment a step runs in.
 *
 * @param name the environment's name
 * @param pythonVersion the Python version; the machine's python3 when absent
 * @param pipPackages pip requirement specifiers
 * @param requirementsFile a pip requirements file
 * @param condaFile a conda environment file (used by cloud computes)
 * @param dockerImage a docker base image (used by cloud computes)
 * @param pipIndexUrl an extra pip index URL
 * @param environmentVariables environment variables set for the step
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentDefinition(
    String name,
    String pythonVersion,
    List<String> pipPackages,
    String requirementsFile,
    String condaFile,
    String dockerImage,
    String pipIndexUrl,
    Map<String, String> environmentVariables) {

  /** Normalises absent collections. */
  public EnvironmentDefinition {
    pipPackages = Definitions.list(pipPackages);
    environmentVariables = Definitions.sortedMap(environmentVariables);
  }

  /**
   * Starts an environment with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an {@link EnvironmentDefinition}; a value left unset is null, or empty for a collection.
   */
  public static final class Builder {
    private String name;
    private String pythonVersion;
    private List<String> pipPackages;
    private String requirementsFile;
    private String condaFile;
    private String dockerImage;
    private String pipIndexUrl;
    private Map<String, String> environmentVariables;

    private Builder() {}

    /**
     * Sets the environment's name.
     *
     * @param name the environment's name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the Python version.
     *
     * @param pythonVersion the Python version; the machine's python3 when absent
     * @return this builder
     */
    public Builder pythonVersion(String pythonVersion) {
      this.pythonVersion = pythonVersion;
      return this;
    }

    /**
     * Sets pip requirement specifiers.
     *
     * @param pipPackages pip requirement specifiers
     * @return this builder
     */
    public Builder pipPackages(List<String> pipPackages) {
      this.pipPackages = pipPackages;
      return this;
    }

    /**
     * Sets a pip requirements file.
     *
     * @param requirementsFile a pip requirements file
     * @return this builder
     */
    public Builder requirementsFile(String requirementsFile) {
      this.requirementsFile = requirementsFile;
      return this;
    }

    /**
     * Sets a conda environment file (used by cloud computes).
     *
     * @param condaFile a conda environment file (used by cloud computes)
     * @return this builder
     */
    public Builder condaFile(String condaFile) {
      this.condaFile = condaFile;
      return this;
    }

    /**
     * Sets a docker base image (used by cloud computes).
     *
     * @param dockerImage a docker base image (used by cloud computes)
     * @return this builder
     */
    public Builder dockerImage(String dockerImage) {
      this.dockerImage = dockerImage;
      return this;
    }

    /**
     * Sets an extra pip index URL.
     *
     * @param pipIndexUrl an extra pip index URL
     * @return this builder
     */
    public Builder pipIndexUrl(String pipIndexUrl) {
      this.pipIndexUrl = pipIndexUrl;
      return this;
    }

    /**
     * Sets environment variables set for the step.
     *
     * @param environmentVariables environment variables set for the step
     * @return this builder
     */
    public Builder environmentVariables(Map<String, String> environmentVariables) {
      this.environmentVariables = environmentVariables;
      return this;
    }

    /**
     * Builds the environment.
     *
     * @return a new environment
     */
    public EnvironmentDefinition build() {
      return new EnvironmentDefinition(
          name,
          pythonVersion,
          pipPackages,
          requirementsFile,
          condaFile,
          dockerImage,
          pipIndexUrl,
          environmentVariables);
    }
  }
}
