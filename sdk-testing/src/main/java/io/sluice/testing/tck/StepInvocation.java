package io.sluice.testing.tck;

import java.util.List;
import java.util.Map;

/**
 * What a step was given when it started, as the step itself (or the remote side) saw it.
 *
 * @param arguments the command line after the script, for a script step
 * @param widgets the notebook widgets, for a notebook step
 * @param environment the {@code AZUREML_*} and {@code AML_PARAMETER_*} environment variables
 */
public record StepInvocation(
    List<String> arguments, Map<String, String> widgets, Map<String, String> environment) {
  /** Copies the collections. */
  public StepInvocation {
    arguments = List.copyOf(arguments);
    widgets = Map.copyOf(widgets);
    environment = Map.copyOf(environment);
  }

  /**
   * The value that follows a flag on the command line.
   *
   * @param flag the flag, such as {@code --out}
   * @return its value
   * @throws AssertionError when the flag is absent or last
   */
  public String argument(String flag) {
    int at = arguments.indexOf(flag);
    if (at < 0 || at + 1 >= arguments.size()) {
      throw new AssertionError("no value for " + flag + " in " + arguments);
    }
    return arguments.get(at + 1);
  }
}
