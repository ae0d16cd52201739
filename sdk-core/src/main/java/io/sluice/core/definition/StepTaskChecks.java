package io.sluice.core.definition;

import java.util.List;
import java.util.Map;

/**
 * The rules of a step's task: a task, an entry point, an environment that exists, and arguments
 * that name the step's own ports and the pipeline's parameters. Kept apart from the graph checks,
 * since a new kind of task changes only these. Paths are spelt out only for a problem.
 */
final class StepTaskChecks {
  private final Map<String, ParameterDefinition> parameters;
  private final NameIndex environments;
  private final DefinitionProblems problems;

  StepTaskChecks(
      Map<String, ParameterDefinition> parameters,
      NameIndex environments,
      DefinitionProblems problems) {
    this.parameters = parameters;
    this.environments = environments;
    this.problems = problems;
  }

  /**
   * Checks one step's task.
   *
   * @param index the step's position in the definition's list of steps
   * @param step the step
   * @param ports the names of its inputs and outputs
   */
  void check(int index, StepDefinition step, NameIndex ports) {
    StepTask task = step.task();
    if (task == null) {
      problems.add(
          path(index, ""),
          "step "
              + DefinitionProblems.show(step.name())
              + " has no task; give it a"
              + " task of type pythonScript, databricksNotebook, databricksPythonScript,"
              + " databricksPythonScriptName or databricksJar");
      return;
    }
    if (task.environment() != null && !environments.contains(task.environment())) {
      problems.unknown(
          path(index, ".task.environment"), "environment", task.environment(), "environments");
    }
    if (task instanceof PythonScriptTask script) {
      pythonScript(index, script, ports);
    } else if (task instanceof DatabricksTask.Notebook notebook) {
      entryPoint(index, "notebookPath", notebook.notebookPath(), "the notebook to run");
      arguments(index, ".task.notebookParams", notebook.notebookParams(), ports);
    } else if (task instanceof DatabricksTask.PythonScript script) {
      entryPoint(
          index,
          "pythonScriptPath",
          script.pythonScriptPath(),
          "the script's DBFS or workspace path");
      arguments(index, ".task.parameters", script.parameters(), ports);
    } else if (task instanceof DatabricksTask.PythonScriptName script) {
      entryPoint(
          index,
          "pythonScriptName",
          script.pythonScriptName(),
          "the script in the source directory");
      arguments(index, ".task.parameters", script.parameters(), ports);
    } else if (task instanceof DatabricksTask.Jar jar) {
      entryPoint(index, "mainClassName", jar.mainClassName(), "the JAR's main class");
      arguments(index, ".task.parameters", jar.parameters(), ports);
    }
  }

  private static String path(int index, String field) {
    return "steps[" + index + "]" + field;
  }

  private void entryPoint(int index, String field, String value, String what) {
    if (value == null || value.isBlank()) {
      problems.add(
          path(index, ".task." + field),
          field + " is " + DefinitionProblems.show(value) + "; give " + what);
    }
  }

  private void pythonScript(int index, PythonScriptTask task, NameIndex ports) {
    entryPoint(
        index,
        "scriptName",
        task.scriptName(),
        "the script to run, relative to the source directory");
    if (task.nodeCount() < 1) {
      problems.add(
          path(index, ".task.nodeCount"), "nodeCount is " + task.nodeCount() + "; use 1 or more");
    }
    arguments(index, ".task.arguments", task.arguments(), ports);
    arguments(index, ".task.params", task.params(), ports);
    task.runconfigPipelineParams()
        .forEach(
            (property, parameter) -> {
              ParameterDefinition definition = parameters.get(parameter);
              if (definition == null) {
                problems.unknown(
                    path(index, ".task.runconfigPipelineParams." + property),
                    "parameter",
                    parameter,
                    "parameters");
              } else if (definition.type() != ParameterType.INTEGER) {
                problems.add(
                    path(index, ".task.runconfigPipelineParams." + property),
                    property
                        + " takes an INTEGER parameter, but '"
                        + parameter
                        + "' is "
                        + definition.type()
                        + "; name an INTEGER parameter");
              }
            });
  }

  private void arguments(
      int index, String field, List<ArgumentDefinition> arguments, NameIndex ports) {
    for (int i = 0; i < arguments.size(); i++) {
      ArgumentDefinition argument = arguments.get(i);
      if (!resolves(argument, ports)) {
        argument(path(index, field + "[" + i + "]"), argument, ports);
      }
    }
  }

  private void arguments(
      int index, String field, Map<String, ArgumentDefinition> arguments, NameIndex ports) {
    arguments.forEach(
        (key, argument) -> {
          if (!resolves(argument, ports)) {
            argument(path(index, field + "." + key), argument, ports);
          }
        });
  }

  private boolean resolves(ArgumentDefinition argument, NameIndex ports) {
    return (argument.port() == null || ports.contains(argument.port()))
        && (argument.parameter() == null || parameters.containsKey(argument.parameter()));
  }

  private void argument(String path, ArgumentDefinition argument, NameIndex ports) {
    if (argument.port() != null && !ports.contains(argument.port())) {
      problems.add(
          path + ".port",
          "port "
              + DefinitionProblems.show(argument.port())
              + " is neither an input nor an output of the step; name one of them");
    } else if (argument.parameter() != null && !parameters.containsKey(argument.parameter())) {
      problems.unknown(path + ".parameter", "parameter", argument.parameter(), "parameters");
    }
  }
}
