package io.sluice.core.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A child process a step runs.
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
}
