package io.sluice.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.NameRule;
import io.sluice.core.implementation.SluiceStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Python environment a step runs in, as Azure ML's {@code Environment}: a Python version, pip
 * packages or a requirements file, a conda file, a docker image, environment variables. Locally it
 * becomes a virtualenv built once and cached by a hash of this description.
 */
@Value.Immutable
@SluiceStyle
@JsonSerialize(as = ImmutableEnvironment.class)
@JsonDeserialize(as = ImmutableEnvironment.class)
public abstract class Environment {

  /** Returns the environment's name. */
  public abstract String name();

  /** Returns the Python version, e.g. {@code 3.11}; the machine's python3 when absent. */
  public abstract Optional<String> pythonVersion();

  /** Returns pip requirement specifiers, e.g. {@code scikit-learn==1.9.1}. */
  public abstract List<String> pipPackages();

  /** Returns a pip requirements file, relative to the working directory or absolute. */
  public abstract Optional<String> requirementsFile();

  /** Returns a conda environment file (used by cloud computes). */
  public abstract Optional<String> condaFile();

  /** Returns a docker base image (used by cloud computes). */
  public abstract Optional<String> dockerImage();

  /** Returns an extra pip index URL. */
  public abstract Optional<String> pipIndexUrl();

  /** Returns environment variables set for the step. */
  public abstract Map<String, String> environmentVariables();

  @Value.Check
  void check() {
    String owner = "Environment '" + name() + "'";
    ModelChecks.name(NameRule.ENVIRONMENT, owner, "name", name());
    pythonVersion()
        .ifPresent(
            v ->
                ModelChecks.check(
                    v.matches("3\\.\\d{1,2}(\\.\\d{1,2})?"),
                    owner,
                    "pythonVersion",
                    v,
                    "use a Python 3 version such as 3.11"));
    ModelChecks.noneBlank(owner, "pipPackages", pipPackages());
  }

  /**
   * An environment with pip packages.
   *
   * @param name the name
   * @param pipPackages pip requirement specifiers
   * @return the environment
   */
  public static Environment of(String name, String... pipPackages) {
    return builder().name(name).addPipPackages(pipPackages).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Environment}. */
  public static final class Builder extends ImmutableEnvironment.Builder {}
}
