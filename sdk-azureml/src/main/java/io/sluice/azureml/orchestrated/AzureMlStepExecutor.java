package io.sluice.azureml.orchestrated;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.AzureMlException;
import io.sluice.azureml.AzureMlResourceNotFoundException;
import io.sluice.azureml.models.Job;
import io.sluice.azureml.models.JobStatus;
import io.sluice.azureml.transport.StepJobs;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.PythonScriptTask;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.spi.RemoteWaits;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepExecutor;
import io.sluice.core.spi.StepFailedException;
import io.sluice.core.spi.StepResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@code PythonScriptStep} on an Azure ML compute ({@link ComputeDefinition.AmlCompute} or a
 * compute named in the workspace) for the {@code orchestrated} transport: one command job per step,
 * named by the step's {@link StepContext#idempotencyKey()}, so that a retried or repeated create is
 * the same job. The name is journaled before the job is created; a resumed run re-attaches to the
 * job (or creates it, if the earlier attempt died first). Waiting polls adaptively, first after 2 s
 * (or the client's {@linkplain AzureMlClient#getPollInterval poll interval}, when shorter) and less
 * often up to every 30 s; canceling the pipeline run cancels the job; a failure carries the job's
 * error and its studio link. The workspace comes from {@code config.json}, found from the run's
 * base directory.
 *
 * <p>Settings: the {@code orchestrated} transport's configuration keys under {@code azureml.}:
 * {@code azureml.configFile} (a {@code config.json} or the folder to search from, instead of the
 * base directory) and {@code azureml.endpoint} (the ARM endpoint), as the {@code azureml} transport
 * reads {@code configFile} and {@code endpoint}. They are checked when the transport is made; an
 * unknown key fails naming the key, its value and the known keys.
 */
public final class AzureMlStepExecutor implements StepExecutor {
  private static final Logger LOGGER = LoggerFactory.getLogger(AzureMlStepExecutor.class);
  private static final Duration FIRST_POLL = Duration.ofSeconds(2);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(30);

  /** Creates the executor; found through {@link java.util.ServiceLoader}. */
  public AzureMlStepExecutor() {}

  @Override
  public String name() {
    return "orchestrated-python";
  }

  @Override
  public boolean supports(StepDefinition step, ComputeDefinition compute, String transport) {
    return step.task() instanceof PythonScriptTask
        && transport.equals("orchestrated")
        && (compute instanceof ComputeDefinition.AmlCompute
            || compute instanceof ComputeDefinition.Named);
  }

  @Override
  public Optional<String> settingsNamespace() {
    return Optional.of(StepJobs.settingsNamespace());
  }

  @Override
  public void checkSettings(Map<String, String> settings) {
    StepJobs.checkSettings(settings);
  }

  @Override
  public boolean writesOutputsInPlace() {
    return true;
  }

  @Override
  public StepResult execute(StepContext context) {
    AzureMlClient client = AzureMlClients.client(context);
    Optional<String> earlier = context.remoteRunId();
    String name = earlier.orElseGet(context::idempotencyKey);
    Optional<Job> existing = earlier.flatMap(n -> find(client, n));
    if (existing.isPresent()) {
      LOGGER.info("Step {} re-attaches to Azure ML job {}", context.step().name(), name);
    } else {
      if (earlier.isEmpty()) {
        context.recordRemoteRunId(name); // write-ahead: the name is the job's id before it exists
      }
      client.createOrUpdateJob(name, StepJobs.prepare(context, client));
      LOGGER.info("Step {} runs as Azure ML job {}", context.step().name(), name);
    }
    Job ended = waitFor(context, client, name);
    if (!ended.status().equals(JobStatus.COMPLETED)) {
      throw new StepFailedException(
          "Step '"
              + context.step().name()
              + "' failed on Azure ML: job "
              + name
              + " ended "
              + ended.status()
              + error(client, name, ended).map(e -> ": " + e).orElse("")
              + "\n  see https://ml.azure.com/runs/"
              + name
              + "?wsid="
              + client.getWorkspace().resourceId());
    }
    return StepResult.empty();
  }

  /**
   * Why a job failed, as run history keeps it; a failure to read it is logged and leaves the step's
   * failure without the reason rather than hiding the failure.
   */
  private static Optional<String> error(AzureMlClient client, String name, Job ended) {
    if (!ended.status().equals(JobStatus.FAILED)) {
      return Optional.empty();
    }
    try {
      return client.getJobError(name);
    } catch (AzureMlException e) {
      LOGGER.warn("Could not read why Azure ML job {} failed: {}", name, e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<Job> find(AzureMlClient client, String name) {
    try {
      return Optional.of(client.getJob(name));
    } catch (AzureMlResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private static Job waitFor(StepContext context, AzureMlClient client, String name) {
    // A client that may poll more often than every 2 s talks to a stand-in, such as a test's fake.
    Duration delay =
        client.getPollInterval().compareTo(FIRST_POLL) < 0 ? client.getPollInterval() : FIRST_POLL;
    while (true) {
      Job job = client.getJob(name);
      if (job.status().isTerminal()) {
        return job;
      }
      RemoteWaits.sleep(context, delay, "Azure ML job " + name, () -> client.beginCancelJob(name));
      delay = Duration.ofMillis(Math.min(LONGEST_POLL.toMillis(), delay.toMillis() * 3 / 2));
    }
  }
}
