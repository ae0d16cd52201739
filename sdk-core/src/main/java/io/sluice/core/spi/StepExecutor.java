package io.sluice.core.spi;

import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.StepDefinition;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one step for the orchestrator. Found with {@link java.util.ServiceLoader} through {@code
 * META-INF/services/io.sluice.core.spi.StepExecutor}; must have a public no-argument constructor
 * and be thread-safe, as steps run in parallel. For executor implementors.
 */
public interface StepExecutor {

  /** Returns the executor's name, e.g. {@code local-python}. */
  String name();

  /**
   * Whether this executor runs a step.
   *
   * @param step the step
   * @param compute the step's compute target
   * @param transport the transport running the pipeline, e.g. {@code local}
   * @return true when it does
   */
  boolean supports(StepDefinition step, ComputeDefinition compute, String transport);

  /**
   * Runs the step to its end. Data is in place before the call; outputs are stored after it.
   *
   * @param context the step's inputs, outputs, parameters, environment and process launcher
   * @return what the step returned
   * @throws StepFailedException when the step fails; its message says why
   */
  StepResult execute(StepContext context);

  /**
   * Whether the step writes its outputs straight to their datastore URIs ({@link
   * StepLocation#uri()}), as a step on a remote compute does. The orchestrator then leaves them
   * there instead of uploading the (empty) local staging folders over them.
   *
   * @return true for executors of remote steps; false by default
   */
  default boolean writesOutputsInPlace() {
    return false;
  }

  /**
   * The namespace of the transport configuration this executor reads: the keys {@code
   * <namespace>.<key>} of the {@code orchestrated} transport's configuration reach the executor,
   * without the prefix, through {@link StepContext#settings()}, and no other executor sees them. A
   * key under a namespace no executor on the class path claims fails when the transport is made.
   *
   * @return e.g. {@code databricks} for {@code databricks.workspaceRoot}; empty (the default) for
   *     an executor that reads no settings
   */
  default Optional<String> settingsNamespace() {
    return Optional.empty();
  }

  /**
   * Checks this executor's settings when the transport is made, so a wrong key or value fails
   * before anything runs. Called once per transport, also when no setting is given.
   *
   * @param settings the keys under {@link #settingsNamespace()}, without the prefix
   * @throws io.sluice.core.ConfigurationException naming the key (with its namespace), its value
   *     and the known keys, on an unknown key or a malformed value
   */
  default void checkSettings(Map<String, String> settings) {}
}
