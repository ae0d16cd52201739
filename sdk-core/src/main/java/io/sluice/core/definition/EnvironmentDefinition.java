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
}
