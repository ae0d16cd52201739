package io.sluice.azureml.transport;

import io.sluice.azureml.models.CommandJob;
import io.sluice.azureml.models.JobInput;
import io.sluice.azureml.models.JobOutput;
import io.sluice.azureml.models.PipelineJob;
import io.sluice.core.definition.ArgumentDefinition;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.DataDefinition;
import io.sluice.core.definition.DataPathDefinition;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.InputDefinition;
import io.sluice.core.definition.InputMode;
import io.sluice.core.definition.OutputMode;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.PythonScriptTask;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.semantics.DataPaths;
import io.sluice.core.semantics.StepArguments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a pipeline definition into one Azure ML v2 pipeline job: each script step becomes a
 * command job with its code, environment and compute; intermediate data flows through {@code
 * ${{parent.jobs.<producer>.outputs.<data>}}} bindings; outputs land at {@code
 * azureml://datastores/<datastore>/paths/sluice/runs/<run>/<step>/<output>}; parameters become the
 * pipeline job's literal inputs. A {@code runAfter} edge, which carries no data, is bound as Azure
 * ML v1 bound it: the earlier node writes an empty control output that the later node takes as an
 * input it never reads, since a v2 pipeline job orders its nodes only through such bindings.
 */
final class PipelineJobCompiler {
  static final String DEFAULT_DATASTORE = "workspaceblobstore";

  /** The empty output a node writes when a later node runs after it without reading its data. */
  static final String RUN_AFTER_OUTPUT = "sluice_run_after";

  /**
   * The prefix of the inputs that bind a node to the control outputs of the nodes it runs after.
   */
  static final String RUN_AFTER_INPUT = "sluice_run_after_";

  /**
   * The environment variable that holds the pipeline job's name in a node that must not be reused:
   * Azure ML reuses a node only when its settings are unchanged, and a command job has no {@code
   * is_deterministic} of its own.
   */
  static final String NO_REUSE_VARIABLE = "SLUICE_NO_REUSE_IN";

  private final PipelineDefinition definition;
  private final String workspaceId;
  private final String defaultCompute;

  PipelineJobCompiler(PipelineDefinition definition, String workspaceId, String defaultCompute) {
    this.definition = definition;
    this.workspaceId = workspaceId;
    this.defaultCompute = defaultCompute;
  }

  /**
   * Refuses what a v2 pipeline job cannot hold, listing every such step at once, then a parameter
   * value no command line can carry whole.
   *
   * @param parameters every parameter's value as text
   * @throws AzureMlTransportException naming each Databricks step and the orchestrated transport,
   *     or the parameter and its step
   */
  void checkSupported(Map<String, String> parameters) {
    List<String> problems = new ArrayList<>();
    for (StepDefinition step : definition.steps()) {
      if (step.task() instanceof DatabricksTask) {
        problems.add(
            "step '"
                + step.name()
                + "' is a DatabricksStep, and Azure ML v2 pipeline"
                + " jobs have no Databricks step type");
      } else if (computeName(step) == null) {
        problems.add(
            "step '"
                + step.name()
                + "' runs on the local machine; give it an AmlCompute"
                + " or set the azureml transport's 'defaultCompute'");
      }
    }
    if (!problems.isEmpty()) {
      throw new AzureMlTransportException(
          "Pipeline '"
              + definition.name()
              + "' cannot run as"
              + " one Azure ML pipeline job: "
              + String.join("; ", problems)
              + ". Run it with the"
              + " 'orchestrated' transport instead, which sends Databricks steps to Databricks and"
              + " script steps to Azure ML command jobs.");
    }
    definition.steps().forEach(step -> command(step, parameters));
  }

  /**
   * The pipeline job of one attempt of a run.
   *
   * @param jobName the attempt's pipeline job name
   * @param forceRerun whether every node runs, none reused from an earlier job (the pipeline's
   *     {@code force_rerun} setting)
   */
  PipelineJob compile(
      String runId,
      String jobName,
      Map<String, String> parameters,
      Map<String, CompiledStep> assets,
      String experimentName,
      boolean forceRerun) {
    PipelineJob job =
        new PipelineJob()
            .setDisplayName(definition.name())
            .setExperimentName(experimentName)
            .setDescription(definition.description());
    job.getSettings().put("continue_on_step_failure", definition.continueOnStepFailure());
    if (forceRerun) {
      job.getSettings().put("force_rerun", true);
    }
    job.getTags().put("sluice.pipeline", definition.name());
    job.getTags().put("sluice.runId", runId);
    parameters.forEach((name, value) -> job.addInput(name, JobInput.literal(value)));
    Set<String> runAfterTargets = new HashSet<>();
    for (StepDefinition step : definition.steps()) {
      CommandJob node = commandJob(step, runId, parameters, assets.get(step.name()), false);
      if (!step.allowReuse()) {
        node.getEnvironmentVariables().put(NO_REUSE_VARIABLE, jobName);
      }
      List<String> runAfter = runAfter(step);
      for (int i = 0; i < runAfter.size(); i++) {
        node.addInput(
            RUN_AFTER_INPUT + (i + 1),
            JobInput.binding(
                "${{parent.jobs." + runAfter.get(i) + ".outputs." + RUN_AFTER_OUTPUT + "}}"));
      }
      runAfterTargets.addAll(runAfter);
      job.addJob(step.name(), node);
    }
    // Azure ML chooses where an output without a location lands; nothing is written there.
    runAfterTargets.forEach(
        target ->
            job.getJobs()
                .get(target)
                .addOutput(RUN_AFTER_OUTPUT, JobOutput.uriFolder(null).setMode("Upload")));
    return job;
  }

  /** The steps this one runs after without reading any of their data, in definition order. */
  private List<String> runAfter(StepDefinition step) {
    Set<String> producers = new HashSet<>();
    for (InputDefinition input : step.inputs()) {
      if (input.data() != null) {
        producers.add(definition.data(input.data()).orElseThrow().producer());
      }
    }
    return step.dependsOn().stream().filter(d -> !producers.contains(d)).toList();
  }

  /**
   * One script step as a command job of its own, for an orchestrator that schedules the steps
   * itself: intermediate inputs are bound to their producers' outputs on the datastore, parameters
   * are literal inputs.
   */
  CommandJob standaloneJob(
      StepDefinition step,
      String runId,
      Map<String, String> parameters,
      CompiledStep assets,
      String experimentName) {
    CommandJob job = commandJob(step, runId, parameters, assets, true);
    job.setExperimentName(experimentName);
    job.getTags().put("sluice.pipeline", definition.name());
    job.getTags().put("sluice.runId", runId);
    job.getTags().put("sluice.step", step.name());
    return job;
  }

  private CommandJob commandJob(
      StepDefinition step,
      String runId,
      Map<String, String> parameters,
      CompiledStep assets,
      boolean standalone) {
    PythonScriptTask task = (PythonScriptTask) step.task();
    CommandJob job =
        new CommandJob(command(step, parameters), assets.environmentId())
            .setCodeId(assets.codeId())
            .setComputeId(workspaceId + "/computes/" + computeName(step))
            .setDisplayName(step.name());
    job.getEnvironmentVariables().putAll(task.environmentVariables());
    job.getEnvironmentVariables()
        .putAll(
            StepArguments.parameterEnvironment(
                step,
                parameters,
                port ->
                    "${{"
                        + (step.outputs().contains(port) ? "outputs." : "inputs.")
                        + port
                        + "}}"));
    if (task.maxRunDurationSeconds() != null) {
      job.setTimeout(Duration.ofSeconds(task.maxRunDurationSeconds()));
    }
    if (task.nodeCount() > 1) {
      job.setInstanceCount(task.nodeCount());
    }
    for (InputDefinition input : step.inputs()) {
      job.addInput(input.name(), input(input, runId, standalone));
    }
    for (String output : step.outputs()) {
      DataDefinition data = definition.data(output).orElseThrow();
      job.addOutput(
          output,
          JobOutput.uriFolder(dataUri(data, runId))
              .setMode(data.outputMode() == OutputMode.UPLOAD ? "Upload" : "ReadWriteMount"));
    }
    // A parameter used on the command line is bound to the pipeline's input of that name.
    for (ArgumentDefinition argument : task.arguments()) {
      if (argument.parameter() != null) {
        job.addInput(
            argument.parameter(),
            standalone
                ? JobInput.literal(parameters.getOrDefault(argument.parameter(), ""))
                : JobInput.binding("${{parent.inputs." + argument.parameter() + "}}"));
      }
    }
    return job;
  }

  /** Where intermediate data lands: {@code <datastore>/sluice/runs/<run>/<producer>/<data>/}. */
  private String dataUri(DataDefinition data, String runId) {
    return datastoreUri(datastore(data.datastore()), DataPaths.output(runId, data)) + "/";
  }

  private JobInput input(InputDefinition input, String runId, boolean standalone) {
    if (input.data() != null) {
      DataDefinition data = definition.data(input.data()).orElseThrow();
      if (standalone) {
        return JobInput.uriFolder(dataUri(data, runId)).setMode("ReadOnlyMount");
      }
      return JobInput.binding(
          "${{parent.jobs." + data.producer() + ".outputs." + data.name() + "}}");
    }
    DataPathDefinition path;
    if (input.dataset() != null) {
      if (input.dataset().paths().size() != 1) {
        throw new AzureMlTransportException(
            "input '"
                + input.name()
                + "' is a dataset of "
                + input.dataset().paths().size()
                + " paths; the azureml transport binds one file or"
                + " folder per input, so give the dataset a single path (a folder for many files)");
      }
      path = input.dataset().paths().get(0);
    } else {
      path = input.path();
    }
    boolean fileDataset = input.dataset() != null && "file".equals(input.dataset().kind());
    JobInput result =
        isFolder(path.path(), fileDataset)
            ? JobInput.uriFolder(datastoreUri(datastore(path.datastore()), folderOf(path.path())))
            : JobInput.uriFile(datastoreUri(datastore(path.datastore()), path.path()));
    return result.setMode(
        input.mode() == InputMode.DOWNLOAD
            ? "Download"
            : input.mode() == InputMode.DIRECT ? "Direct" : "ReadOnlyMount");
  }

  /**
   * Whether a path names a folder: it ends with {@code /}, has a wildcard (a {@code uri_file}
   * cannot, so the folder is mounted), or belongs to a file dataset and has no extension.
   */
  static boolean isFolder(String path, boolean fileDataset) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    return path.endsWith("/") || last.contains("*") || (fileDataset && !last.contains("."));
  }

  /** A folder path with a trailing {@code /}; a wildcard's folder for a wildcard path. */
  static String folderOf(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    String folder = last.contains("*") ? path.substring(0, path.lastIndexOf('/') + 1) : path;
    return folder.endsWith("/") ? folder : folder + "/";
  }

  /**
   * The command line. Azure ML puts the text bound to a {@code ${{inputs.x}}} placeholder into the
   * line as it is, before the shell splits it, so every placeholder is quoted: a parameter's value
   * (known here) or a data path reaches the script as one argument, whatever blanks it holds.
   */
  private String command(StepDefinition step, Map<String, String> parameters) {
    PythonScriptTask task = (PythonScriptTask) step.task();
    StringBuilder command = new StringBuilder("python ").append(quote(task.scriptName()));
    for (ArgumentDefinition argument : task.arguments()) {
      command.append(' ');
      if (argument.literal() != null) {
        command.append(quote(argument.literal()));
      } else if (argument.parameter() != null) {
        command.append(
            quotePlaceholder(
                step, argument.parameter(), parameters.getOrDefault(argument.parameter(), "")));
      } else if (step.outputs().contains(argument.port())) {
        command.append("'${{outputs.").append(argument.port()).append("}}'");
      } else {
        command.append("'${{inputs.").append(argument.port()).append("}}'");
      }
    }
    return command.toString();
  }

  /**
   * A parameter's placeholder in the quotes that keep its value whole once Azure ML has put the
   * value in: single quotes, or double quotes for a value with a single quote.
   *
   * @throws AzureMlTransportException when the value holds both a single quote and a character
   *     double quotes do not keep, naming the parameter and the step
   */
  private static String quotePlaceholder(StepDefinition step, String parameter, String value) {
    String placeholder = "${{inputs." + parameter + "}}";
    if (value.indexOf('\'') < 0) {
      return "'" + placeholder + "'";
    }
    if (value.chars().noneMatch(c -> "\"$`\\".indexOf(c) >= 0)) {
      return "\"" + placeholder + "\"";
    }
    throw new AzureMlTransportException(
        "Parameter '"
            + parameter
            + "' of step '"
            + step.name()
            + "' holds a"
            + " single quote and one of \" $ ` \\; Azure ML puts a parameter's value into the shell command"
            + " line as it is, and no quoting keeps such a value whole there. Give the parameter a value"
            + " without one of them, or read it from a file the step takes as input");
  }

  private String computeName(StepDefinition step) {
    ComputeDefinition compute =
        step.compute() == null ? null : definition.compute(step.compute()).orElse(null);
    if (compute == null || compute instanceof ComputeDefinition.Local) {
      return defaultCompute;
    }
    return compute.name();
  }

  private String datastore(String name) {
    if (name != null) {
      return name;
    }
    return definition.defaultDatastore() != null
        ? definition.defaultDatastore()
        : DEFAULT_DATASTORE;
  }

  /**
   * A datastore path as Azure ML names it; the {@link
   * io.sluice.core.semantics.DataLocationResolver} of this transport.
   */
  static String datastoreUri(String datastore, String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return "azureml://datastores/" + datastore + "/paths/" + trimmed;
  }

  /** Quotes for the POSIX shell Azure ML runs the command in, when needed. */
  private static String quote(String text) {
    if (text.matches("[A-Za-z0-9_./:=@%+-]+")) {
      return text;
    }
    return "'" + text.replace("'", "'\"'\"'") + "'";
  }
}
