package io.sluice.azureml.models;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A command job: a shell command run in an environment on a compute, with code, inputs and outputs
 * ({@code ${{inputs.x}}} and {@code ${{outputs.y}}} in the command are replaced by their paths on
 * the compute).
 */
public final class CommandJob extends JobDefinition<CommandJob> {
  private final String command;
  private final String environmentId;
  private String codeId;
  private Duration timeout;
  private Integer instanceCount;
  private final Map<String, String> environmentVariables = new LinkedHashMap<>();

  /**
   * Creates a command job.
   *
   * @param command the command line
   * @param environmentId the environment's ARM id, or {@code azureml:<name>:<version>}
   */
  public CommandJob(String command, String environmentId) {
    this.command = Objects.requireNonNull(command, "'command' is null");
    this.environmentId = Objects.requireNonNull(environmentId, "'environmentId' is null");
  }

  @Override
  public String getJobType() {
    return "Command";
  }

  /** Returns the command line. */
  public String getCommand() {
    return command;
  }

  /** Returns the environment. */
  public String getEnvironmentId() {
    return environmentId;
  }

  /** Returns the code asset's ARM id, or null. */
  public String getCodeId() {
    return codeId;
  }

  /**
   * Sets the code the command runs in.
   *
   * @param codeId a code version's ARM id
   * @return this job
   */
  public CommandJob setCodeId(String codeId) {
    this.codeId = codeId;
    return this;
  }

  /** Returns the time limit, or null. */
  public Duration getTimeout() {
    return timeout;
  }

  /**
   * Sets the time limit.
   *
   * @param timeout the longest the job may run
   * @return this job
   */
  public CommandJob setTimeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** Returns the number of nodes, or null for one. */
  public Integer getInstanceCount() {
    return instanceCount;
  }

  /**
   * Sets the number of nodes.
   *
   * @param instanceCount the nodes
   * @return this job
   */
  public CommandJob setInstanceCount(Integer instanceCount) {
    this.instanceCount = instanceCount;
    return this;
  }

  /** Returns environment variables, modifiable. */
  public Map<String, String> getEnvironmentVariables() {
    return environmentVariables;
  }
}
