package io.sluice.azureml.implementation;

import io.sluice.core.definition.EnvironmentDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Sluice {@link EnvironmentDefinition} into the image and conda file of an Azure ML
 * environment.
 */
public final class CondaSpec {
  /** The base image when the environment names none: Azure ML's curated Ubuntu image. */
  public static final String DEFAULT_IMAGE =
      "mcr.microsoft.com/azureml/openmpi5.0-ubuntu24.04:latest";

  private CondaSpec() {}

  /** Returns the environment's docker image, or {@link #DEFAULT_IMAGE}. */
  public static String image(EnvironmentDefinition environment) {
    return Optional.ofNullable(environment.dockerImage()).orElse(DEFAULT_IMAGE);
  }

  /**
   * The conda file: the environment's own file when it names one, else one built from its Python
   * version and pip packages (and requirements file).
   *
   * @param environment the environment
   * @param baseDirectory where relative file names are resolved
   * @return the conda YAML
   */
  public static String condaFile(EnvironmentDefinition environment, Path baseDirectory) {
    if (environment.condaFile() != null) {
      return read(baseDirectory.resolve(environment.condaFile()));
    }
    List<String> pip = new ArrayList<>(environment.pipPackages());
    Optional.ofNullable(environment.requirementsFile())
        .ifPresent(
            file ->
                read(baseDirectory.resolve(file))
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(pip::add));
    StringBuilder yaml =
        new StringBuilder()
            .append("name: ")
            .append(environment.name())
            .append('\n')
            .append("channels:\n  - conda-forge\n")
            .append("dependencies:\n")
            .append("  - python=")
            .append(Optional.ofNullable(environment.pythonVersion()).orElse("3.11"))
            .append('\n')
            .append("  - pip\n");
    if (!pip.isEmpty()) {
      yaml.append("  - pip:\n");
      Optional.ofNullable(environment.pipIndexUrl())
          .ifPresent(u -> yaml.append("      - --extra-index-url ").append(u).append('\n'));
      pip.forEach(p -> yaml.append("      - ").append(p).append('\n'));
    }
    return yaml.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file + "; check the environment's file path", e);
    }
  }
}
