package io.sluice.testing;

import java.util.List;
import java.util.Map;

/**
 * What a step of a {@link RecordingTransport} run was given when it started, rendered by the same
 * rules every transport follows: a script's arguments and {@code AML_PARAMETER_*} variables, a
 * notebook's widgets, a Databricks script's or JAR's argv. Locations are the run's recorded URIs.
 *
 * @param step the step's name
 * @param arguments its command line, for a script, a Databricks script or a JAR
 * @param widgets its widgets, for a notebook
 * @param environment the {@code AML_PARAMETER_*} variables of a script step
 */
public record StepCall(
    String step,
    List<String> arguments,
    Map<String, String> widgets,
    Map<String, String> environment) {
  /** Copies the collections. */
  public StepCall {
    arguments = List.copyOf(arguments);
    widgets = Map.copyOf(widgets);
    environment = Map.copyOf(environment);
  }
}
