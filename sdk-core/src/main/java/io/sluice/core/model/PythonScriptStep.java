package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.SluiceStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Runs a Python script with arguments, as Azure ML v1's {@code PythonScriptStep}, with every v1
 * parameter: {@code scriptName}, {@code name}, {@code arguments}, {@code computeTarget}, {@code
 * runconfig}, {@code runconfigPipelineParams}, {@code inputs}, {@code outputs}, {@code params},
 * {@code sourceDirectory}, {@code allowReuse}, {@code version}. ({@code hash_paths}, deprecated in
 * v1, is gone: the whole source directory is fingerprinted, minus {@code .amlignore}/{@code
 * .gitignore} matches.)
 *
 * <p>The script sees its inputs and outputs as paths in its arguments and in {@code
 * AZUREML_DATAREFERENCE_<name>} variables, and each of {@link #params()} as {@code
 * AML_PARAMETER_<name>}.
 */
@Value.Immutable
@SluiceStyle
public abstract non-sealed class PythonScriptStep implements Step {
  private static final Set<String> PARAMETERIZABLE_RUNCONFIG =
      Set.of(
          "NodeCount",
          "MpiProcessCountPerNode",
          "TensorflowWorkerCount",
          "TensorflowParameterServerCount");

  /** Returns the script, relative to the source directory. */
  public abstract String scriptName();

  /**
   * @return the step name; the script name by default
   */
  @Override
  @Value.Default
  public String name() {
    return scriptName().replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** Returns the command-line arguments. */
  public abstract List<Argument> arguments();

  /** Returns the run configuration: environment, limits, variables. */
  public abstract Optional<RunConfiguration> runconfig();

  /**
   * Run configuration properties set from pipeline parameters (v1 {@code
   * runconfig_pipeline_params}): {@code NodeCount}, {@code MpiProcessCountPerNode}, {@code
   * TensorflowWorkerCount}, {@code TensorflowParameterServerCount}.
   *
   * @return parameters by property
   */
  public abstract Map<String, PipelineParameter<?>> runconfigPipelineParams();

  /** Returns values passed as {@code AML_PARAMETER_<name>} environment variables. */
  public abstract Map<String, Argument> params();

  @Override
  @Value.Default
  public boolean allowReuse() {
    return true;
  }

  @Value.Check
  void check() {
    StepChecks.common(this);
    String owner = StepChecks.owner(this);
    ModelChecks.notBlank(owner, "scriptName", scriptName());
    for (Map.Entry<String, PipelineParameter<?>> e : runconfigPipelineParams().entrySet()) {
      ModelChecks.check(
          PARAMETERIZABLE_RUNCONFIG.contains(e.getKey()),
          owner,
          "runconfigPipelineParams",
          e.getKey(),
          "use one of " + String.join(", ", PARAMETERIZABLE_RUNCONFIG.stream().sorted().toList()));
    }
    for (Map.Entry<String, Argument> e : params().entrySet()) {
      ModelChecks.word(owner, "params", e.getKey());
      ModelChecks.check(
          !(e.getValue() instanceof Argument.Port),
          owner,
          "params",
          e.getKey(),
          "pass data to a script through inputs, outputs or arguments, not params");
    }
  }

  /** Returns the environment the script runs in, from the run configuration. */
  public Optional<Environment> environment() {
    return runconfig().flatMap(RunConfiguration::environment);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PythonScriptStep}. */
  public static final class Builder extends ImmutablePythonScriptStep.Builder
      implements StepBuilder<Builder> {

    /**
     * Adds arguments, turning each value with {@link Argument#of(Object)}.
     *
     * @param values literals, data, input bindings or parameters
     * @return this builder
     */
    public Builder arguments(Object... values) {
      addAllArguments(Arrays.stream(values).map(Argument::of).toList());
      return this;
    }

    /**
     * Sets a run configuration that holds only this environment.
     *
     * @param environment the environment
     * @return this builder
     */
    public Builder environment(Environment environment) {
      runconfig(RunConfiguration.of(environment));
      return this;
    }

    /**
     * Adds a value passed as {@code AML_PARAMETER_<name>}.
     *
     * @param name the parameter name
     * @param value a literal or a pipeline parameter
     * @return this builder
     */
    public Builder param(String name, Object value) {
      putParam(name, Argument.of(value));
      return this;
    }
  }
}
