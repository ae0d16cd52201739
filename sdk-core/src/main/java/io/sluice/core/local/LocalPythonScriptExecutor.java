package io.sluice.core.local;

import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.PythonScriptTask;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.semantics.StepArguments;
import io.sluice.core.spi.ProcessSpec;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepExecutor;
import io.sluice.core.spi.StepFailedException;
import io.sluice.core.spi.StepResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a {@code PythonScriptStep} in a virtualenv built from its environment, as Azure ML runs it:
 * in its source directory, with inputs and outputs as paths in its arguments and in {@code
 * AZUREML_DATAREFERENCE_<name>}, and its params in {@code AML_PARAMETER_<name>}.
 */
public final class LocalPythonScriptExecutor implements StepExecutor {

  /** Creates the executor; found through {@link java.util.ServiceLoader}. */
  public LocalPythonScriptExecutor() {}

  @Override
  public String name() {
    return "local-python";
  }

  @Override
  public boolean supports(StepDefinition step, ComputeDefinition compute, String transport) {
    return step.task() instanceof PythonScriptTask
        && (transport.equals("local") || compute instanceof ComputeDefinition.Local);
  }

  @Override
  public StepResult execute(StepContext context) {
    StepDefinition step = context.step();
    PythonScriptTask task = (PythonScriptTask) step.task();
    Path python =
        context
            .pythonEnvironments()
            .python(
                Optional.ofNullable(task.environment()).flatMap(context.definition()::environment),
                List.of());
    Path directory =
        Optional.ofNullable(step.sourceDirectory())
            .map(context.baseDirectory()::resolve)
            .orElse(context.baseDirectory());
    List<String> command =
        new ArrayList<>(
            List.of(python.toString(), "-u", directory.resolve(task.scriptName()).toString()));
    Function<String, String> ports = context.ports(l -> l.localPath().toString());
    command.addAll(StepArguments.scriptArguments(step, context.parameterValues(), ports));

    Map<String, String> env = new HashMap<>(context.environmentVariables());
    env.putAll(task.environmentVariables());
    context
        .definition()
        .environment(Optional.ofNullable(task.environment()).orElse(""))
        .ifPresent(e -> env.putAll(e.environmentVariables()));
    dataReferences(context).forEach((name, path) -> env.put("AZUREML_DATAREFERENCE_" + name, path));
    env.putAll(StepArguments.parameterEnvironment(step, context.parameterValues(), ports));
    env.putAll(context.mlflowEnvironment(python));
    env.put("PYTHONUNBUFFERED", "1");

    int exit =
        context.runProcess(
            ProcessSpec.builder()
                .command(command)
                .workingDirectory(directory)
                .environment(env)
                .build());
    if (exit != 0) {
      throw new StepFailedException(
          "Step '"
              + step.name()
              + "' failed: "
              + task.scriptName()
              + " exited with code "
              + exit
              + "\n--- last lines of its output ---\n"
              + context.logTail(30));
    }
    return StepResult.empty();
  }

  /** Local paths of every input and output, by port name. */
  static Map<String, String> dataReferences(StepContext context) {
    Map<String, String> references = new HashMap<>();
    context
        .inputs()
        .forEach((name, location) -> references.put(name, location.localPath().toString()));
    context
        .outputs()
        .forEach((name, location) -> references.put(name, location.localPath().toString()));
    return references;
  }
}
