package io.sluice.core.semantics;

import io.sluice.core.definition.ArgumentDefinition;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.InputDefinition;
import io.sluice.core.definition.PythonScriptTask;
import io.sluice.core.definition.StepDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a step's code receives, by Azure ML v1's contract (reference: {@code DatabricksStep} and its
 * runtime contract), the same on every transport:
 *
 * <ul>
 *   <li>an argument is its literal, its parameter's value as text ({@link RunParameters#texts}), or
 *       the location of the input or output it names;
 *   <li>a notebook gets one widget per notebook param, input and output. v1 guarantees that a
 *       notebook reads an input or output with {@code dbutils.widgets.get("<name>")}, so on a name
 *       clash the input's or output's location wins over a notebook param of the same name;
 *   <li>a Databricks Python script or JAR gets {@code -<name> <location>} for each input, then each
 *       output, in the order the step declares them, then its own parameters;
 *   <li>a Python script step gets its arguments in order, and each of its {@code params} as the
 *       environment variable {@code AML_PARAMETER_<name>} ({@link #parameterVariable}).
 * </ul>
 *
 * <p>Locations come from the transport through {@code ports}: a function from an input or output
 * name to the location the step's code reads (a URI on a cluster, a local path on this machine, a
 * job-input placeholder on Azure ML).
 */
public final class StepArguments {
  private StepArguments() {}

  /**
   * One argument's value.
   *
   * @param step the step the argument belongs to
   * @param argument the argument
   * @param parameters every parameter's value as text
   * @param ports the location of an input or output, by name
   * @return the value
   * @throws StepReferenceException when the parameter or port does not exist
   */
  public static String value(
      StepDefinition step,
      ArgumentDefinition argument,
      Map<String, String> parameters,
      Function<String, String> ports) {
    if (argument.literal() != null) {
      return argument.literal();
    }
    if (argument.parameter() != null) {
      String value = parameters.get(argument.parameter());
      if (value == null) {
        throw new StepReferenceException(
            "Step '"
                + step.name()
                + "' uses parameter '"
                + argument.parameter()
                + "', which the pipeline does not declare; declare it or compile the pipeline again");
      }
      return value;
    }
    String port = argument.port();
    if (step.input(port).isEmpty() && !step.outputs().contains(port)) {
      throw new StepReferenceException(
          "Step '"
              + step.name()
              + "' refers to '"
              + port
              + "', which is none of its inputs or outputs; compile the pipeline again");
    }
    return ports.apply(port);
  }

  /**
   * A notebook's widgets: its notebook params, then its inputs and outputs, which win a clash.
   *
   * @param step a Databricks step
   * @param parameters every parameter's value as text
   * @param ports the location of an input or output, by name
   * @return the widgets by name (sorted)
   */
  public static Map<String, String> notebookWidgets(
      StepDefinition step, Map<String, String> parameters, Function<String, String> ports) {
    Map<String, String> widgets = new TreeMap<>();
    notebook(step)
        .notebookParams()
        .forEach((name, argument) -> widgets.put(name, value(step, argument, parameters, ports)));
    portNames(step).forEach(name -> widgets.put(name, ports.apply(name)));
    return Collections.unmodifiableMap(widgets);
  }

  /**
   * A Databricks Python script's or JAR's argv.
   *
   * @param step a Databricks step
   * @param parameters every parameter's value as text
   * @param ports the location of an input or output, by name
   * @return {@code -<name> <location>} for each input then output, then the task's parameters
   */
  public static List<String> databricksArgv(
      StepDefinition step, Map<String, String> parameters, Function<String, String> ports) {
    List<String> argv = new ArrayList<>();
    for (String name : portNames(step)) {
      argv.add("-" + name);
      argv.add(ports.apply(name));
    }
    databricksParameters(step)
        .forEach(argument -> argv.add(value(step, argument, parameters, ports)));
    return List.copyOf(argv);
  }

  /**
   * A Python script step's arguments.
   *
   * @param step a Python script step
   * @param parameters every parameter's value as text
   * @param ports the location of an input or output, by name
   * @return its arguments, in order
   */
  public static List<String> scriptArguments(
      StepDefinition step, Map<String, String> parameters, Function<String, String> ports) {
    return script(step).arguments().stream().map(a -> value(step, a, parameters, ports)).toList();
  }

  /**
   * A Python script step's {@code params} as environment variables.
   *
   * @param step a Python script step
   * @param parameters every parameter's value as text
   * @param ports the location of an input or output, by name
   * @return {@code AML_PARAMETER_<name>} to value (sorted)
   */
  public static Map<String, String> parameterEnvironment(
      StepDefinition step, Map<String, String> parameters, Function<String, String> ports) {
    Map<String, String> variables = new TreeMap<>();
    script(step)
        .params()
        .forEach(
            (name, argument) ->
                variables.put(parameterVariable(name), value(step, argument, parameters, ports)));
    return Collections.unmodifiableMap(variables);
  }

  /**
   * The environment variable a script param is passed in, as Azure ML names it.
   *
   * @param name the param's name
   * @return {@code AML_PARAMETER_<name>}, characters other than letters, digits and {@code _}
   *     replaced by {@code _}
   */
  public static String parameterVariable(String name) {
    return "AML_PARAMETER_" + name.replaceAll("\\W", "_");
  }

  /** Inputs then outputs, in the order the step declares them. */
  private static List<String> portNames(StepDefinition step) {
    List<String> names = new ArrayList<>();
    step.inputs().stream().map(InputDefinition::name).forEach(names::add);
    names.addAll(step.outputs());
    return names;
  }

  /**
   * The command line of a Databricks Python script or JAR task, before Sluice adds the ports.
   *
   * @param step a Databricks step
   * @return its script's or JAR's parameters; none for a notebook
   */
  static List<ArgumentDefinition> databricksParameters(StepDefinition step) {
    if (step.task() instanceof DatabricksTask.PythonScript script) {
      return script.parameters();
    }
    if (step.task() instanceof DatabricksTask.PythonScriptName script) {
      return script.parameters();
    }
    if (step.task() instanceof DatabricksTask.Jar jar) {
      return jar.parameters();
    }
    if (step.task() instanceof DatabricksTask.Notebook) {
      return List.of();
    }
    throw new IllegalArgumentException("step '" + step.name() + "' is not a Databricks step");
  }

  private static DatabricksTask.Notebook notebook(StepDefinition step) {
    if (step.task() instanceof DatabricksTask.Notebook notebook) {
      return notebook;
    }
    throw new IllegalArgumentException(
        "step '" + step.name() + "' is not a Databricks notebook step");
  }

  private static PythonScriptTask script(StepDefinition step) {
    if (step.task() instanceof PythonScriptTask script) {
      return script;
    }
    throw new IllegalArgumentException("step '" + step.name() + "' is not a Python script step");
  }
}
