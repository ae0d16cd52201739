package io.sluice.databricks.local;

import io.sluice.core.definition.InputDefinition;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a Databricks task receives, by Azure ML v1's rules: a notebook gets its params and one
 * widget per input and output (named after it, valued with its URI); a script or JAR gets {@code
 * -<name> <uri>} pairs for its inputs and then its outputs, before its own parameters.
 */
final class TaskArguments {
  private TaskArguments() {}

  /** The notebook's widgets: its params, then every input and output. */
  static Map<String, String> widgets(StepContext context) {
    Map<String, String> widgets = new LinkedHashMap<>();
    context.step().databricks().notebookParams().forEach((name, value) -> widgets.put(name, context.argumentValue(value, StepLocation::uri)));
    ports(context).forEach((name, location) -> widgets.put(name, location.uri()));
    return widgets;
  }

  /**
   * A script's or JAR's argv.
   *
   * @param context the step's context
   * @param location how a data location is given: its URI, or its local path
   * @return the {@code -<name> <location>} pairs, then the task's parameters
   */
  static List<String> argv(StepContext context, Function<StepLocation, String> location) {
    List<String> argv = new ArrayList<>();
    ports(context).forEach((name, each) -> argv.addAll(List.of("-" + name, location.apply(each))));
    context.step().databricks().parameters().forEach(a -> argv.add(context.argumentValue(a, location)));
    return argv;
  }

  /** Inputs then outputs, in the order the step declares them (the context's maps have none). */
  private static Map<String, StepLocation> ports(StepContext context) {
    Map<String, StepLocation> ports = new LinkedHashMap<>();
    context.step().inputs().stream().map(InputDefinition::name).forEach(n -> ports.put(n, context.inputs().get(n)));
    context.step().outputs().forEach(n -> ports.put(n, context.outputs().get(n)));
    return ports;
  }
}
