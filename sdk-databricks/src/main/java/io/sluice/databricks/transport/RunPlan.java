package io.sluice.databricks.transport;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.ClusterDefinition;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.EnvironmentDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.PythonScriptTask;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.semantics.RemoteNames;
import io.sluice.core.semantics.StepArguments;
import io.sluice.databricks.JobsClient;
import io.sluice.databricks.models.ClusterLibrary;
import io.sluice.databricks.models.ClusterSpec;
import io.sluice.databricks.models.JobCluster;
import io.sluice.databricks.models.JobSettings;
import io.sluice.databricks.models.JobTask;
import io.sluice.databricks.models.NotebookTask;
import io.sluice.databricks.models.PyPiLibrary;
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
import java.util.function.Function;

/**
 * Compiles a pipeline definition into one multi-task {@code runs/submit}: a task per step, keyed by
 * {@link RemoteNames} (two steps with one key are refused), with {@code depends_on} from the
 * definition. Steps get their widgets, argv and {@code AML_PARAMETER_} variables from {@link
 * StepArguments}, as on every transport: notebooks a widget per notebook param, input and output
 * (an input or output wins a name clash); Python and JAR entry points of a {@code DatabricksStep}
 * {@code -<name> <location>} pairs before their own parameters; a {@code PythonScriptStep} its
 * arguments with ports and parameters replaced. Credentials never appear here, only {@code
 * {{secrets/...}}} references in Spark configuration.
 */
final class RunPlan {
  private final PipelineDefinition definition;
  private final String runId;
  private final Map<String, String> parameters;
  private final DataLocations locations;
  private final Map<String, String> storageConf;
  private final TransportSettings settings;
  private final BiFunction<StepDefinition, String, String> sources;
  private final Map<String, String> taskKeys;

  /**
   * @param sources uploads a step's sources given its local notebook (or null) and returns the
   *     workspace folder that holds them
   */
  RunPlan(
      PipelineDefinition definition,
      String runId,
      Map<String, String> parameters,
      DataLocations locations,
      Map<String, String> storageConf,
      TransportSettings settings,
      BiFunction<StepDefinition, String, String> sources) {
    this.definition = definition;
    this.runId = runId;
    this.parameters = parameters;
    this.locations = locations;
    this.storageConf = storageConf;
    this.settings = settings;
    this.sources = sources;
    this.taskKeys = RemoteNames.taskKeys(definition);
  }

  /** Returns task keys by step name, in step order. */
  Map<String, String> taskKeys() {
    return taskKeys;
  }

  /**
   * The one-time run: every task carries its own compute, as {@code runs/submit} has no shared
   * clusters.
   *
   * @param idempotencyToken {@link #idempotencyToken()}, or another one to start the run again
   */
  SubmitRunRequest request(String idempotencyToken) {
    return SubmitRunRequest.builder()
        .runName(runName())
        .tasks(tasks())
        .idempotencyToken(idempotencyToken)
        .build();
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
      String key =
          shared.computeIfAbsent(task.newCluster(), spec -> "cluster_" + (shared.size() + 1));
      tasks.add(task.toBuilder().newCluster(null).jobClusterKey(key).build());
    }
    List<JobCluster> clusters = new ArrayList<>();
    shared.forEach((spec, key) -> clusters.add(new JobCluster(key, spec)));
    return JobSettings.builder()
        .name(runName())
        .tasks(tasks)
        .jobClusters(clusters)
        .maxConcurrentRuns(1)
        .tags(Map.of("sluice-run", runId))
        .build();
  }

  /**
   * One step alone as a one-time run of one task, for an orchestrator that schedules the steps
   * itself: the task has no {@code depends_on}.
   *
   * @param stepName the step
   * @param idempotencyToken the step's token, the same in every attempt of the run
   */
  SubmitRunRequest stepRequest(String stepName, String idempotencyToken) {
    StepDefinition step =
        definition
            .step(stepName)
            .orElseThrow(
                () ->
                    new SluiceException(
                        "Step '"
                            + stepName
                            + "' is not in pipeline '"
                            + definition.name()
                            + "'; compile the pipeline again"));
    JobTask alone = jobTask(step).toBuilder().dependsOn(List.of()).build();
    return SubmitRunRequest.builder()
        .runName(runName() + " " + stepName)
        .tasks(List.of(alone))
        .idempotencyToken(idempotencyToken)
        .build();
  }

  String idempotencyToken() {
    return JobsClient.idempotencyToken("sluice", runId);
  }

  /** Returns the Databricks run name, which names the pipeline and the run id. */
  String runName() {
    return definition.name() + " " + runId;
  }

  private List<JobTask> tasks() {
    List<JobTask> tasks = new ArrayList<>();
    for (StepDefinition step : definition.steps()) {
      tasks.add(jobTask(step));
    }
    return tasks;
  }

  private JobTask jobTask(StepDefinition step) {
    return step.task() instanceof DatabricksTask task
        ? databricksTask(step, task)
        : scriptTask(step);
  }

  private JobTask databricksTask(StepDefinition step, DatabricksTask task) {
    ClusterDefinition cluster = task.cluster();
    if (cluster == null) {
      throw new SluiceException(
          "Step '"
              + step.name()
              + "' names no Databricks cluster; set cluster(...) on the step"
              + " or defaultCluster(...) on its DatabricksCompute '"
              + step.compute()
              + "'");
    }
    String existing = cluster.existingClusterId();
    ClusterSpec newCluster =
        existing == null ? ClusterSpecs.newCluster(cluster, storageConf, tags()) : null;
    List<ClusterLibrary> libraries = task.libraries().stream().map(ClusterSpecs::library).toList();
    NotebookTask notebook = null;
    SparkPythonTask python = null;
    SparkJarTask jar = null;
    if (task instanceof DatabricksTask.Notebook n) {
      notebook =
          new NotebookTask(
              notebookPath(step, n), StepArguments.notebookWidgets(step, parameters, ports(step)));
    } else if (task instanceof DatabricksTask.PythonScript p) {
      python =
          new SparkPythonTask(
              p.pythonScriptPath(), StepArguments.databricksArgv(step, parameters, ports(step)));
    } else if (task instanceof DatabricksTask.PythonScriptName p) {
      python =
          new SparkPythonTask(
              sources.apply(step, null) + "/" + p.pythonScriptName(),
              StepArguments.databricksArgv(step, parameters, ports(step)));
    } else {
      jar =
          new SparkJarTask(
              ((DatabricksTask.Jar) task).mainClassName(),
              StepArguments.databricksArgv(step, parameters, ports(step)));
    }
    return JobTask.builder()
        .taskKey(taskKeys.get(step.name()))
        .dependsOn(dependencies(step))
        .existingClusterId(existing)
        .newCluster(newCluster)
        .libraries(libraries)
        .notebookTask(notebook)
        .sparkPythonTask(python)
        .sparkJarTask(jar)
        .timeoutSeconds(task.timeoutSeconds())
        .build();
  }

  private JobTask scriptTask(StepDefinition step) {
    PythonScriptTask task = (PythonScriptTask) step.task();
    EnvironmentDefinition environment =
        task.environment() == null ? null : definition.environment(task.environment()).orElse(null);
    Map<String, String> env = new TreeMap<>();
    List<ClusterLibrary> libraries = new ArrayList<>();
    if (environment != null) {
      env.putAll(environment.environmentVariables());
      environment
          .pipPackages()
          .forEach(
              p ->
                  libraries.add(
                      ClusterLibrary.pypi(new PyPiLibrary(p, environment.pipIndexUrl()))));
    }
    env.putAll(task.environmentVariables());
    env.putAll(StepArguments.parameterEnvironment(step, parameters, ports(step)));
    ClusterSpec cluster =
        ClusterSpecs.singleNode(
            settings.scriptSparkVersion(), settings.scriptNodeType(), storageConf, env, tags());
    List<String> arguments = StepArguments.scriptArguments(step, parameters, ports(step));
    SparkPythonTask python =
        new SparkPythonTask(sources.apply(step, null) + "/" + task.scriptName(), arguments);
    return JobTask.builder()
        .taskKey(taskKeys.get(step.name()))
        .dependsOn(dependencies(step))
        .newCluster(cluster)
        .libraries(libraries)
        .sparkPythonTask(python)
        .timeoutSeconds(task.maxRunDurationSeconds())
        .build();
  }

  private String notebookPath(StepDefinition step, DatabricksTask.Notebook task) {
    String path = task.notebookPath();
    if (path.startsWith("/")) {
      return path;
    }
    String file = DatabricksTask.notebookSourceFile(path);
    return SourceUploader.withoutExtension(sources.apply(step, file) + "/" + file);
  }

  /** The location of one of the step's inputs or outputs on the cluster. */
  private Function<String, String> ports(StepDefinition step) {
    return port -> step.input(port).map(locations::input).orElseGet(() -> locations.data(port));
  }

  private List<TaskDependency> dependencies(StepDefinition step) {
    return step.dependsOn().stream().map(d -> new TaskDependency(taskKeys.get(d))).toList();
  }

  private Map<String, String> tags() {
    Map<String, String> tags = new TreeMap<>();
    // Tagged by pipeline, not step, so that equal specs stay equal and can share a cluster.
    tags.put("sluice-pipeline", definition.name());
    return tags;
  }
}
