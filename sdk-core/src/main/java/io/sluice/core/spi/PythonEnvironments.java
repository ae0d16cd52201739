package io.sluice.core.spi;

import io.sluice.core.definition.EnvironmentDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Makes virtualenvs for steps, built once and cached by a hash of what they hold. */
public interface PythonEnvironments {
  /**
   * The Python interpreter of a virtualenv that holds an environment's packages plus extra ones,
   * building it first if no cached one matches.
   *
   * @param environment the step's environment, if any
   * @param extraRequirements further pip requirements, e.g. {@code pyspark==4.3.0}
   * @return the interpreter's path
   */
  Path python(Optional<EnvironmentDefinition> environment, List<String> extraRequirements);
}
