package io.sluice.databricks.transport;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.orchestrator.RunIds;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.RunOptions;
import io.sluice.core.run.RunSecrets;
import io.sluice.core.run.RunState;
import io.sluice.core.semantics.DuplicateRuns;
import io.sluice.core.semantics.RemoteNames;
import io.sluice.core.semantics.ReuseKeys;
import io.sluice.core.semantics.RunParameters;
import io.sluice.core.spi.Transport;
import io.sluice.databricks.DatabricksClient;
import io.sluice.databricks.DatabricksClientBuilder;
import io.sluice.databricks.JobsClient;
import io.sluice.databricks.models.Run;
import io.sluice.databricks.models.RunNowRequest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a whole pipeline as one Databricks multi-task job run ({@code runs/submit}, or a saved job's
 * run): a task per step with {@code depends_on} edges, on new job clusters or existing ones.
 *
 * <p>Configuration keys (all optional):
 *
 * <ul>
 *   <li>{@code host}: the workspace URL; else the {@link ComputeDefinition.Databricks}'s workspace
 *       URL, else {@code DATABRICKS_HOST} or a {@code .databrickscfg} profile
 *   <li>{@code profile}: the {@code .databrickscfg} profile to read
 *   <li>{@code dataRoot}: where intermediate data goes, {@code dbfs:/...}, {@code /Volumes/...},
 *       {@code abfss://...} or {@code wasbs://...}; default the data's own datastore. Data lands in
 *       {@code <root>/sluice/runs/<runId>/<step>/<output>}
 *   <li>{@code workspaceRoot}: the workspace folder sources are uploaded to; default {@code
 *       /Shared/sluice}. Sources go up only when their fingerprint changed
 *   <li>{@code secretScope}: the secret scope datastore credentials are put in; default {@code
 *       sluice}. Clusters read them through {@code {{secrets/<scope>/<key>}}} Spark configuration,
 *       never through parameters
 *   <li>{@code baseDirectory}: the folder relative source directories are in; default the working
 *       directory
 *   <li>{@code scriptSparkVersion}, {@code scriptNodeType}: the single-node cluster a {@code
 *       PythonScriptStep} runs on; default {@code 15.4.x-scala2.12}, {@code Standard_DS3_v2}
 *   <li>{@code maxRetries}, {@code retryDelay}: HTTP retries and their first backoff (milliseconds
 *       or ISO-8601)
 *   <li>{@code pollInterval}, {@code maxPollInterval}: how often a run is polled; from 2 s, growing
 *       to 30 s by default
 *   <li>{@code pollIntervalFloor}: the shortest {@code pollInterval} accepted, and the shortest
 *       wait between two status requests of a run; default 2 s. Lower it only for a stand-in of the
 *       workspace on this machine, such as a test's fake
 *   <li>{@code submitAs}: {@code run} (default) submits a one-time run, where every task has its
 *       own cluster since {@code runs/submit} cannot share one; {@code job} saves a job named after
 *       the run whose tasks share a job cluster wherever their specs are equal, and runs it with
 *       {@code run-now}
 * </ul>
 *
 * <p>The token is the {@link ComputeDefinition.Databricks}'s access token secret (its value given
 * in {@link RunOptions#secrets()} or the environment), else {@code DATABRICKS_TOKEN} or the
 * profile. The submission carries an idempotency token derived from the run id, so a retried or
 * repeated submission of the same run never starts a second job run.
 *
 * <p>A run id that names an earlier Databricks run follows the {@link
 * io.sluice.core.run.DuplicateRunPolicy}. {@code RESUME} re-attaches to a run still going, reports
 * a completed one as it is, and repairs one that failed or was canceled ({@code runs/repair}): its
 * tasks that did not succeed run again in the same Databricks run, as that run defined them, and
 * the steps of those that succeeded are reported {@link io.sluice.core.run.StepState#REUSED}.
 */
public final class DatabricksTransport implements Transport {
  private final TransportSettings settings;
  private final DatabricksClient client;

  DatabricksTransport(TransportSettings settings, DatabricksClient client) {
    this.settings = settings;
    this.client = client;
  }

  /**
   * A builder of the transport with typed settings instead of the keys of {@link #create(Map)};
   * both are read and checked the same way.
   *
   * @return a builder with every setting at its default
   */
  public static DatabricksTransportBuilder builder() {
    return new DatabricksTransportBuilder();
  }

  /**
   * A transport configured by keys, as the {@code databricks} provider makes it.
   *
   * @param configuration the keys documented on this class
   * @return the transport
   */
  public static DatabricksTransport create(Map<String, String> configuration) {
    return new DatabricksTransport(TransportSettings.from(configuration), null);
  }

  /**
   * A transport that sends through a client built by the caller.
   *
   * @param client the client
   * @param configuration the keys documented on this class; host and profile are ignored
   * @return the transport
   */
  public static DatabricksTransport create(
      DatabricksClient client, Map<String, String> configuration) {
    return new DatabricksTransport(TransportSettings.from(configuration), client);
  }

  @Override
  public String name() {
    return DatabricksTransportProvider.NAME;
  }

  @Override
  public PipelineRun submit(PipelineDefinition definition, RunOptions options) {
    // Everything a submission can be refused for is checked before the first request.
    RunParameters runParameters = RunParameters.resolve(definition, options.parameters());
    RemoteNames.taskKeys(definition);
    String runId = options.runId().orElseGet(() -> RunIds.newRunId(definition.name()));
    RunSecrets secrets = RunSecrets.of(options);
    DatabricksClient databricks = client != null ? client : client(definition, secrets);
    DataLocations locations = new DataLocations(definition, runId, settings.dataRoot());
    StorageCredentials credentials = new StorageCredentials(definition, settings.secretScope());
    SourceUploader uploader =
        new SourceUploader(
            databricks.getWorkspaceClient(), settings.workspaceRoot(), settings.baseDirectory());
    Map<String, String> parameters = runParameters.texts(locations::onDatastore);
    RunPlan plan =
        new RunPlan(
            definition,
            runId,
            parameters,
            locations,
            credentials.sparkConf(),
            settings,
            uploader::upload);
    JobsClient jobs = databricks.getJobsClient();
    Optional<Run> earlier =
        options.runId().isPresent() ? lastRunNamed(jobs, plan.runName()) : Optional.empty();
    DuplicateRuns.Decision decision =
        DuplicateRuns.decide(
            runId,
            options.duplicateRunPolicy(),
            earlier.map(DatabricksTransport::earlierRun),
            ReuseKeys.definitionFingerprint(definition));
    long databricksRunId;
    Set<String> keptSteps = Set.of();
    if (decision == DuplicateRuns.Decision.RESUME) {
      Run resumed = earlier.orElseThrow();
      databricksRunId = resumed.runId();
      // A run still going is re-attached to and a completed one reported as it is; one that failed
      // or
      // was canceled is repaired, running again only what did not succeed.
      if (resumed.lifeCycleState().isTerminal()
          && DatabricksPipelineRun.runState(resumed) != RunState.COMPLETED) {
        // The repaired tasks' clusters read the secret scope when they start: a key rotated since
        // goes first.
        credentials.store(databricks.getSecretsClient(), secrets::value);
        keptSteps =
            stepsOf(plan.taskKeys(), RunRepair.rerunWhatDidNotSucceed(jobs, databricksRunId));
      }
    } else {
      // A run started again needs a token of its own: the run's token would answer with the failed
      // run.
      String token =
          decision == DuplicateRuns.Decision.RESTART
              ? JobsClient.idempotencyToken(
                  "sluice", runId, "after", Long.toString(earlier.orElseThrow().runId()))
              : plan.idempotencyToken();
      credentials.store(databricks.getSecretsClient(), secrets::value);
      if (settings.submitAsJob()) {
        long jobId = jobs.createJob(plan.job());
        databricksRunId = jobs.runNow(RunNowRequest.builder(jobId).idempotencyToken(token).build());
      } else {
        databricksRunId = jobs.submitRun(plan.request(token));
      }
    }
    Map<String, String> dataLocations = new LinkedHashMap<>();
    definition.data().forEach(d -> dataLocations.put(d.name(), locations.data(d.name())));
    return new DatabricksPipelineRun(
        jobs,
        definition,
        runId,
        databricksRunId,
        plan.taskKeys(),
        dataLocations,
        keptSteps,
        settings.pollIntervalFloor(),
        options.listeners());
  }

  /** The newest Databricks run of this pipeline run (runs are named after it), if there is one. */
  private static Optional<Run> lastRunNamed(JobsClient jobs, String runName) {
    return jobs.listRuns(null).stream().filter(run -> runName.equals(run.runName())).findFirst();
  }

  /** The steps, in the plan's order, whose tasks these are. */
  private static Set<String> stepsOf(Map<String, String> taskKeys, Set<String> tasks) {
    return taskKeys.entrySet().stream()
        .filter(e -> tasks.contains(e.getValue()))
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** What the duplicate-run decision needs of an earlier Databricks run: its end, if it ended. */
  private static DuplicateRuns.EarlierRun earlierRun(Run run) {
    Optional<RunState> ended =
        run.lifeCycleState().isTerminal()
            ? Optional.of(DatabricksPipelineRun.runState(run))
            : Optional.empty();
    return new DuplicateRuns.EarlierRun(ended, Optional.empty());
  }

  private DatabricksClient client(PipelineDefinition definition, RunSecrets secrets) {
    Optional<ComputeDefinition.Databricks> compute =
        definition.computes().stream()
            .filter(ComputeDefinition.Databricks.class::isInstance)
            .map(ComputeDefinition.Databricks.class::cast)
            .findFirst();
    DatabricksClientBuilder builder =
        settings.configure(
            new DatabricksClientBuilder(), compute.map(ComputeDefinition.Databricks::workspaceUrl));
    compute
        .map(ComputeDefinition.Databricks::accessToken)
        .ifPresent(token -> builder.token(secrets.value(token)));
    try {
      return builder.buildClient();
    } catch (IllegalStateException e) {
      throw new SluiceException("Databricks transport: " + e.getMessage(), e);
    }
  }
}
