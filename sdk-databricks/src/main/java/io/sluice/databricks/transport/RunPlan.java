package io.sluice.databricks.transport;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.ArgumentDefinition;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.InputDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.PythonScriptTask;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.Environment;
import io.sluice.databricks.JobsClient;
import io.sluice.databricks.models.ClusterLibrary;
import io.sluice.databricks.models.ClusterSpec;
import io.sluice.databricks.models.JobCluster;
import io.sluice.databricks.models.JobSettings;
import io.sluice.databricks.models.JobTask;
import io.sluice.databricks.models.NotebookTask;
import io.sluice.databricks.models.SparkJarTask;
import io.sluice.databricks.models.SparkPythonTask;
import io.sluice.databricks.models.SubmitRunRequest;
import io.sluice.databricks.models.TaskDependency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Compiles a pipeline definition into one multi-task {@code runs/submit}: a task per step, keyed
 * by step name, with {@code depends_on} from the definition. Locations reach steps as Azure ML v1
 * passed them: notebooks get a widget per input, output and notebook parameter; Python and JAR
 * entry points of a {@code DatabricksStep} get {@code -<name> <location>} pairs before their own
 * parameters; a {@code PythonScriptStep} gets its arguments with ports and parameters replaced.
 * Credentials never appear here, only {@code {{secrets/...}}} references in Spark configuration.
 */
final class RunPlan {
  private final PipelineDefinition definition;
  private final String runId;
  private final Map<String, String> parameters;
  private final DataLocations locations;
  private final Map<String, String> storageConf;
  private final TransportSettings settings;
  private final BiFunction<StepDefinition, String, String> sources;
  private final Map<String, String> taskKeys = new LinkedHashMap<>();

  /**
   * @param sources uploads a step's sources given its local notebook (or null) and returns the
   *     workspace folder that holds them
   */
  RunPlan(PipelineDefinition definition, String runId, Map<String, String> parameters, DataLocations locations,
      Map<String, String> storageConf, TransportSettings settings, BiFunction<StepDefinition, String, String> sources) {
    this.definition = definition;
    this.runId = runId;
    this.parameters = parameters;
    this.locations = locations;
    this.storageConf = storageConf;
    this.settings = settings;
    this.sources = sources;
    definition.steps().forEach(s -> taskKeys.put(s.name(), taskKey(s.name())));
  }

  static String taskKey(String step) {
    String key = step.replaceAll("[^A-Za-z0-9_-]", "_");
    return key.length() > 100 ? key.substring(0, 100) : key;
  }

  /** @return task keys by step name, in step order */
  Map<String, String> taskKeys() {
    return taskKeys;
  }

  /** @return the one-time run: every task carries its own compute, as {@code runs/submit} has no shared clusters */
  SubmitRunRequest request() {
    return new SubmitRunRequest(runName(), tasks(), null, idempotencyToken());
  }

  /**
   * The run as a saved job whose tasks share a job cluster wherever their new-cluster specs are
   * equal, for example several notebooks on the same default cluster.
   */
  JobSettings job() {
    Map<ClusterSpec, String> shared = new LinkedHashMap<>();
    List<JobTask> tasks = new ArrayList<>();
    for (JobTask task : tasks()) {
      if (task.newCluster() == null) {
        tasks.add(task);
        continue;
      }
      String key = shared.computeIfAbsent(task.newCluster(), spec -> "cluster_" + (shared.size() + 1));
      tasks.add(new JobTask(task.taskKey(), task.dependsOn(), null, null, key, task.libraries(), task.notebookTask(),
          task.sparkPythonTask(), task.sparkJarTask(), task.sparkSubmitTask(), task.timeoutSeconds(), task.maxRetries()));
    }
    List<JobCluster> clusters = new ArrayList<>();
    shared.forEach((spec, key) -> clusters.add(new JobCluster(key, spec)));
    return new JobSettings(runName(), tasks, clusters, 1, null, Map.of("sluice-run", runId));
  }

  /**
   * One step alone as a one-time run of one task, for an orchestrator that schedules the steps
   * itself: the task has no {@code depends_on}.
   *
   * @param stepName the step
   * @param idempotencyToken the step's token, the same in every attempt of the run
   */
  SubmitRunRequest stepRequest(String stepName, String idempotencyToken) {
    StepDefinition step = definition.step(stepName).orElseThrow(() -> new SluiceException(
        "Step '" + stepName + "' is not in pipeline '" + definition.name() + "'; compile the pipeline again"));
    JobTask task = step.databricks() != null ? databricksTask(step) : scriptTask(step);
    JobTask alone = new JobTask(task.taskKey(), List.of(), task.existingClusterId(), task.newCluster(), null,
        task.libraries(), task.notebookTask(), task.sparkPythonTask(), task.sparkJarTask(), task.sparkSubmitTask(),
        task.timeoutSeconds(), task.maxRetries());
    return new SubmitRunRequest(runName() + " " + stepName, List.of(alone), null, idempotencyToken);
  }

  String idempotencyToken() {
    return JobsClient.idempotencyToken("sluice", runId);
  }

  private String runName() {
    return definition.name() + " " + runId;
  }

  private List<JobTask> tasks() {
    List<JobTask> tasks = new ArrayList<>();
    for (StepDefinition step : definition.steps()) {
      tasks.add(step.databricks() != null ? databricksTask(step) : scriptTask(step));
    }
    return tasks;
  }

  private JobTask databricksTask(StepDefinition step) {
    DatabricksTask task = step.databricks();
    DatabricksCluster cluster = task.cluster();
    if (cluster == null) {
      throw new SluiceException("Step '" + step.name() + "' names no Databricks cluster; set cluster(...) on the step"
          + " or defaultCluster(...) on its DatabricksCompute '" + step.compute() + "'");
    }
    String existing = cluster.existingClusterId().orElse(null);
    ClusterSpec newCluster = existing == null ? ClusterSpecs.newCluster(cluster, storageConf, tags(step)) : null;
    List<ClusterLibrary> libraries = task.libraries().stream().map(ClusterSpecs::library).toList();
    NotebookTask notebook = null;
    SparkPythonTask python = null;
    SparkJarTask jar = null;
    switch (task.entryPoint()) {
      case "notebook" -> notebook = new NotebookTask(notebookPath(step, task), widgets(step, task));
      case "python_script" -> python = new SparkPythonTask(task.pythonScriptPath(), argv(step, task.parameters()));
      case "python_script_name" -> python = new SparkPythonTask(
          sources.apply(step, null) + "/" + task.pythonScriptName(), argv(step, task.parameters()));
      default -> jar = new SparkJarTask(task.mainClassName(), argv(step, task.parameters()));
    }
    return new JobTask(taskKeys.get(step.name()), dependencies(step), existing, newCluster, null, libraries,
        notebook, python, jar, null, task.timeoutSeconds(), null);
  }

  private JobTask scriptTask(StepDefinition step) {
    PythonScriptTask task = step.pythonScript();
    Environment environment = task.environment() == null ? null : definition.environment(task.environment()).orElse(null);
    Map<String, String> env = new TreeMap<>();
    List<ClusterLibrary> libraries = new ArrayList<>();
    if (environment != null) {
      env.putAll(environment.environmentVariables());
      environment.pipPackages().forEach(p -> libraries.add(ClusterLibrary.pypi(p, environment.pipIndexUrl().orElse(null))));
    }
    env.putAll(task.environmentVariables());
    ClusterSpec cluster = ClusterSpecs.singleNode(settings.scriptSparkVersion(), settings.scriptNodeType(), storageConf, env, tags(step));
    List<String> arguments = task.arguments().stream().map(a -> argument(step, a)).toList();
    SparkPythonTask python = new SparkPythonTask(sources.apply(step, null) + "/" + task.scriptName(), arguments);
    return new JobTask(taskKeys.get(step.name()), dependencies(step), null, cluster, null, libraries,
        null, python, null, null, task.maxRunDurationSeconds(), null);
  }

  private String notebookPath(StepDefinition step, DatabricksTask task) {
    String path = task.notebookPath();
    if (path.startsWith("/")) {
      return path;
    }
    String file = DatabricksTask.notebookSourceFile(path);
    return SourceUploader.withoutExtension(sources.apply(step, file) + "/" + file);
  }

  private Map<String, String> widgets(StepDefinition step, DatabricksTask task) {
    Map<String, String> widgets = new TreeMap<>();
    for (InputDefinition input : step.inputs()) {
      widgets.put(input.name(), locations.input(input));
    }
    for (String output : step.outputs()) {
      widgets.put(output, locations.data(output));
    }
    task.notebookParams().forEach((name, value) -> widgets.put(name, argument(step, value)));
    return widgets;
  }

  /** v1's script contract: {@code -<name> <location>} for each input, then each output, then the parameters. */
  private List<String> argv(StepDefinition step, List<ArgumentDefinition> parameters) {
    List<String> argv = new ArrayList<>();
    for (InputDefinition input : step.inputs()) {
      argv.add("-" + input.name());
      argv.add(locations.input(input));
    }
    for (String output : step.outputs()) {
      argv.add("-" + output);
      argv.add(locations.data(output));
    }
    parameters.forEach(p -> argv.add(argument(step, p)));
    return argv;
  }

  private String argument(StepDefinition step, ArgumentDefinition argument) {
    if (argument.literal() != null) {
      return argument.literal();
    }
    if (argument.parameter() != null) {
      String value = parameters.get(argument.parameter());
      if (value == null) {
        throw new SluiceException("Step '" + step.name() + "' uses parameter '" + argument.parameter()
            + "', which the pipeline does not declare; compile the pipeline again");
      }
      return value;
    }
    String port = argument.port();
    return step.input(port).map(locations::input).orElseGet(() -> {
      if (step.outputs().contains(port)) {
        return locations.data(port);
      }
      throw new SluiceException("Step '" + step.name() + "' refers to '" + port
          + "', which is none of its inputs or outputs; compile the pipeline again");
    });
  }

  private List<TaskDependency> dependencies(StepDefinition step) {
    return step.dependsOn().stream().map(d -> new TaskDependency(taskKeys.get(d))).toList();
  }

  private Map<String, String> tags(StepDefinition step) {
    Map<String, String> tags = new TreeMap<>();
    // Tagged by pipeline, not step, so that equal specs stay equal and can share a cluster.
    tags.put("sluice-pipeline", definition.name());
    return tags;
  }
}
