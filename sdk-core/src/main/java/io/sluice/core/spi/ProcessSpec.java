package io.sluice.core.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A child process a step runs. Build one with {@link #builder()}, so that the environment and the
 * secret environment, both maps, cannot trade places:
 *
 * <pre>{@code
 * ProcessSpec spec = ProcessSpec.builder()
 *     .command(List.of("python", "train.py"))
 *     .workingDirectory(work)
 *     .environment(Map.of("MODE", "strict"))
 *     .secretEnvironment(Map.of("TOKEN", token))
 *     .build();
 * }</pre>
 *
 * @param command the program and its arguments
 * @param workingDirectory where it runs
 * @param environment variables added to the inherited environment
 * @param secretEnvironment variables holding secrets: set for the child, never logged
 */
public record ProcessSpec(
    List<String> command,
    Path workingDirectory,
    Map<String, String> environment,
    Map<String, String> secretEnvironment) {
  /** Copies the collections. */
  public ProcessSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    secretEnvironment = Map.copyOf(secretEnvironment);
  }

  /**
   * Starts a process with no variables of its own.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProcessSpec}; the command and the working directory are required. */
  public static final class Builder {
    private List<String> command;
    private Path workingDirectory;
    private Map<String, String> environment = Map.of();
    private Map<String, String> secretEnvironment = Map.of();

    private Builder() {}

    /**
     * Sets the program and its arguments.
     *
     * @param command the command line
     * @return this builder
     */
    public Builder command(List<String> command) {
      this.command = command;
      return this;
    }

    /**
     * Sets where the process runs.
     *
     * @param workingDirectory the folder
     * @return this builder
     */
    public Builder workingDirectory(Path workingDirectory) {
      this.workingDirectory = workingDirectory;
      return this;
    }

    /**
     * Sets variables added to the inherited environment; their values may be logged.
     *
     * @param environment the variables
     * @return this builder
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = environment;
      return this;
    }

    /**
     * Sets variables holding secrets: set for the process, never logged.
     *
     * @param secretEnvironment the variables
     * @return this builder
     */
    public Builder secretEnvironment(Map<String, String> secretEnvironment) {
      this.secretEnvironment = secretEnvironment;
      return this;
    }

    /**
     * Builds the process spec.
     *
     * @return a new spec
     */
    public ProcessSpec build() {
      return new ProcessSpec(command, workingDirectory, environment, secretEnvironment);
    }
  }
}
