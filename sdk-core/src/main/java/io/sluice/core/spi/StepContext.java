package io.sluice.core.spi;

import io.sluice.core.definition.ArgumentDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.semantics.DataLocationResolver;
import io.sluice.core.semantics.StepArguments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Everything a {@link StepExecutor} gets to run one step; given by the orchestrator. */
public interface StepContext {

  /** Returns the run's id. */
  String runId();

  /** Returns the whole pipeline. */
  PipelineDefinition definition();

  /** Returns the step to run. */
  StepDefinition step();

  /** Returns the folder relative source directories, scripts and notebooks are in. */
  Path baseDirectory();

  /** Returns a folder of the step's own for this run (its logs are in {@code logs/}). */
  Path stepDirectory();

  /** Returns the step's inputs, in place, by input name. */
  Map<String, StepLocation> inputs();

  /** Returns where the step writes its outputs, by output name. */
  Map<String, StepLocation> outputs();

  /**
   * How the URIs the step sees map onto this machine: a URI prefix ({@code
   * wasbs://raw@acct.blob.core.windows.net/}) to the local folder that holds its data.
   *
   * @return local folders by URI prefix
   */
  Map<String, Path> pathMappings();

  /**
   * Every pipeline parameter's value for this run as text, a {@code DATA_PATH} parameter as the
   * orchestrator locates it (a folder on this machine for a local datastore, the datastore's URI
   * for a remote one).
   *
   * @return the values by parameter name
   */
  Map<String, String> parameterValues();

  /**
   * Every pipeline parameter's value for this run as text, a {@code DATA_PATH} parameter as the
   * step's compute locates it ({@link io.sluice.core.semantics.RunParameters}): an executor that
   * runs the step elsewhere passes the resolver of that platform, e.g. {@code abfss://…} paths on a
   * Databricks cluster.
   *
   * @param resolver where a datastore path is on the step's compute
   * @return the values by parameter name
   */
  Map<String, String> parameterValues(DataLocationResolver resolver);

  /** Returns variables the step's process gets besides its own, e.g. {@code MLFLOW_RUN_ID}. */
  Map<String, String> environmentVariables();

  /**
   * The MLflow variables for a step run by a Python interpreter: the tracking URI and experiment,
   * and {@code MLFLOW_RUN_ID} of the step's child run under the pipeline run's parent run when that
   * interpreter has the {@code mlflow} package.
   *
   * @param python the interpreter that runs the step
   * @return the variables
   */
  Map<String, String> mlflowEnvironment(Path python);

  /**
   * The settings of the executor running this step: the transport configuration's keys under its
   * {@link StepExecutor#settingsNamespace()}, without the prefix ({@code workspaceRoot} for {@code
   * databricks.workspaceRoot}), already checked by {@link StepExecutor#checkSettings}. Values may
   * be sensitive: do not log them.
   *
   * @return the settings; empty when the executor has no namespace or none were given
   */
  default Map<String, String> settings() {
    return Map.of();
  }

  /** Returns the step's time limit, if it has one. */
  Optional<Duration> timeout();

  /** Returns the virtualenv maker. */
  PythonEnvironments pythonEnvironments();

  /**
   * A secret's value, by reference.
   *
   * @param reference the secret's reference
   * @return the value
   * @throws io.sluice.core.SluiceException when the run has no value for it
   */
  String secret(String reference);

  /**
   * Runs a child process to its end: its output goes to the step's log files and to listeners, the
   * step's timeout and the run's cancellation stop it (with its children).
   *
   * @param process the process
   * @return its exit code
   * @throws StepFailedException when it timed out or the run was canceled
   */
  int runProcess(ProcessSpec process);

  /**
   * The last lines of the step's log, for error messages.
   *
   * @param lines how many lines
   * @return the lines, joined with line breaks
   */
  String logTail(int lines);

  /**
   * A key that identifies this step of this run across attempts, for remote services' idempotency
   * tokens and job names: the same step of the same run gets the same key, so a retried or resumed
   * submission never starts a second remote run; once an attempt saw the step fail or be canceled,
   * a later attempt gets a key of its own, so that it runs the step anew instead of being answered
   * with the remote run that failed.
   *
   * @return at most 64 letters, digits, '-' and '_'
   */
  String idempotencyKey();

  /**
   * The remote run an earlier attempt of this run started for this step, to re-attach to instead of
   * submitting again.
   *
   * @return the remote run's id, if one was recorded
   */
  Optional<String> remoteRunId();

  /**
   * Records the id of a remote run the moment it is known, before waiting on it, so that a runner
   * killed while the remote run goes on re-attaches to it when the run resumes.
   *
   * @param id the remote run's id
   */
  void recordRemoteRunId(String id);

  /** Returns true once the run is being canceled. */
  boolean isCanceled();

  /**
   * An argument's value as the step's code gets it ({@link StepArguments#value}): a literal, a
   * parameter's value in this run, or one of the step's inputs or outputs in the form the executor
   * passes locations in.
   *
   * @param argument the argument
   * @param location a location's form, e.g. its local path or its URI
   * @return the value
   */
  default String argumentValue(
      ArgumentDefinition argument, Function<StepLocation, String> location) {
    return StepArguments.value(step(), argument, parameterValues(), ports(location));
  }

  /**
   * The step's inputs and outputs as the function {@link StepArguments} takes: the location of an
   * input or output, by name, in the form the executor passes locations in.
   *
   * @param location a location's form, e.g. its local path or its URI
   * @return the function
   */
  default Function<String, String> ports(Function<StepLocation, String> location) {
    return port ->
        location.apply(inputs().containsKey(port) ? inputs().get(port) : outputs().get(port));
  }
}
