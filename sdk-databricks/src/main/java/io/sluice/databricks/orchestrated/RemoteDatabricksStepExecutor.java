package io.sluice.databricks.orchestrated;

import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.spi.RemoteWaits;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepExecutor;
import io.sluice.core.spi.StepFailedException;
import io.sluice.core.spi.StepResult;
import io.sluice.databricks.DatabricksClient;
import io.sluice.databricks.DatabricksRunException;
import io.sluice.databricks.JobsClient;
import io.sluice.databricks.models.Run;
import io.sluice.databricks.models.RunOutput;
import io.sluice.databricks.models.RunTask;
import io.sluice.databricks.transport.StepSubmissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@code DatabricksStep}, or a {@code PythonScriptStep} as a {@code spark_python_task} on a
 * single-node cluster, on its Databricks workspace for the {@code orchestrated} transport: one
 * {@code runs/submit} per step whose idempotency token is the step's {@link
 * StepContext#idempotencyKey()}, so a retried or repeated submission is answered with the run
 * already started. The run id is journaled the moment it is known; a resumed run re-attaches to it
 * instead of submitting. Waiting polls adaptively (at most one status request per 2 s),
 * cancellation of the pipeline run cancels the Databricks run, the notebook's exit value is the
 * step's result, and a failure carries the task's error and the run page URL.
 *
 * <p>The workspace and token come from the step's {@link ComputeDefinition.Databricks} (its {@code
 * workspaceUrl} and {@code accessToken} secret), else from {@code DATABRICKS_HOST}/{@code
 * DATABRICKS_TOKEN} or {@code ~/.databrickscfg}.
 *
 * <p>Settings: the {@code orchestrated} transport's configuration keys under {@code databricks.}
 * (see {@link StepSubmissions}), e.g. {@code databricks.workspaceRoot} (the workspace folder
 * sources are uploaded to, default {@code /Shared/sluice}), {@code databricks.secretScope} (where
 * datastore credentials go, default {@code sluice}), {@code databricks.scriptSparkVersion} and
 * {@code databricks.scriptNodeType} (a script step's single-node cluster), {@code databricks.host},
 * {@code databricks.profile}, {@code databricks.maxRetries}, {@code databricks.retryDelay}, {@code
 * databricks.pollInterval}, {@code databricks.maxPollInterval} and {@code
 * databricks.pollIntervalFloor}, with the meaning and defaults the {@code databricks} transport
 * gives the same keys. They are checked when the transport is made; an unknown key fails naming the
 * key, its value and the known keys.
 */
public final class RemoteDatabricksStepExecutor implements StepExecutor {
  private static final Logger LOGGER = LoggerFactory.getLogger(RemoteDatabricksStepExecutor.class);

  /** Creates the executor; found through {@link java.util.ServiceLoader}. */
  public RemoteDatabricksStepExecutor() {}

  @Override
  public String name() {
    return "orchestrated-databricks";
  }

  @Override
  public boolean supports(StepDefinition step, ComputeDefinition compute, String transport) {
    return compute instanceof ComputeDefinition.Databricks && transport.equals("orchestrated");
  }

  @Override
  public Optional<String> settingsNamespace() {
    return Optional.of(StepSubmissions.settingsNamespace());
  }

  @Override
  public void checkSettings(Map<String, String> settings) {
    StepSubmissions.checkSettings(settings);
  }

  @Override
  public boolean writesOutputsInPlace() {
    return true;
  }

  @Override
  public StepResult execute(StepContext context) {
    ComputeDefinition.Databricks compute =
        (ComputeDefinition.Databricks)
            context.definition().compute(context.step().compute()).orElseThrow();
    DatabricksClient client = WorkspaceClients.client(compute, context);
    JobsClient jobs = client.getJobsClient();
    long runId =
        context
            .remoteRunId()
            .map(id -> reattach(context, id))
            .orElseGet(() -> submit(context, client));
    Run run = waitFor(context, jobs, runId);
    return new StepResult(exitValue(jobs, run).orElse(""));
  }

  private static long reattach(StepContext context, String id) {
    LOGGER.info("Step {} re-attaches to Databricks run {}", context.step().name(), id);
    return Long.parseLong(id);
  }

  private static long submit(StepContext context, DatabricksClient client) {
    long runId = client.getJobsClient().submitRun(StepSubmissions.prepare(context, client));
    context.recordRemoteRunId(Long.toString(runId));
    LOGGER.info("Step {} runs as Databricks run {}", context.step().name(), runId);
    return runId;
  }

  private static Run waitFor(StepContext context, JobsClient jobs, long runId) {
    SyncPoller<Run, Run> poller = jobs.beginWaitForRun(runId);
    try {
      while (true) {
        PollResponse<Run> response = poller.poll();
        if (response.getStatus().isComplete()) {
          return response.getValue();
        }
        Duration delay =
            response.getRetryAfter() == null ? Duration.ofSeconds(2) : response.getRetryAfter();
        RemoteWaits.sleep(context, delay, "Databricks run " + runId, () -> jobs.cancelRun(runId));
      }
    } catch (DatabricksRunException e) {
      throw new StepFailedException(
          "Step '" + context.step().name() + "' failed on Databricks: " + e.getMessage(), e);
    }
  }

  /** The value the step's notebook passed to {@code dbutils.notebook.exit}, if it is a notebook. */
  private static Optional<String> exitValue(JobsClient jobs, Run run) {
    return run.tasks().stream()
        .map(RunTask::runId)
        .filter(id -> id != null)
        .findFirst()
        .map(jobs::getRunOutput)
        .map(RunOutput::notebookOutput)
        .map(o -> o.result());
  }
}
