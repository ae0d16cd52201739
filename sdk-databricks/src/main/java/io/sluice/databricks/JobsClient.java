package io.sluice.databricks;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.databricks.implementation.DatabricksErrors;
import io.sluice.databricks.implementation.DatabricksHttp;
import io.sluice.databricks.implementation.Pages;
import io.sluice.databricks.implementation.RunPolling;
import io.sluice.databricks.implementation.TypedFailurePoller;
import io.sluice.databricks.models.Job;
import io.sluice.databricks.models.JobSettings;
import io.sluice.databricks.models.RepairRunRequest;
import io.sluice.databricks.models.Run;
import io.sluice.databricks.models.RunLifeCycleState;
import io.sluice.databricks.models.RunNowRequest;
import io.sluice.databricks.models.RunOutput;
import io.sluice.databricks.models.RunResultState;
import io.sluice.databricks.models.RunTask;
import io.sluice.databricks.models.SubmitRunRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Jobs API 2.2: one-time runs ({@code runs/submit}), saved jobs, run outputs, cancellation and
 * repair.
 *
 * <p>Waiting goes through a {@link SyncPoller} whose delays start at the client's poll interval (at
 * least 2 s) and grow; a run that ends FAILED, CANCELED, TIMEDOUT, SKIPPED or INTERNAL_ERROR makes
 * the poller throw {@link DatabricksRunException} with the state message and each failed task's
 * error, so a failure is never mistaken for a normal return.
 */
public final class JobsClient {
  /** The longest idempotency token Databricks accepts. */
  public static final int MAX_IDEMPOTENCY_TOKEN = 64;

  private static final String RUNS = "/api/2.2/jobs/runs/";
  private static final String JOBS = "/api/2.2/jobs/";

  private final DatabricksHttp http;
  private final RunPolling polling;

  JobsClient(DatabricksHttp http, RunPolling polling) {
    this.http = http;
    this.polling = polling;
  }

  /**
   * Submits a one-time run. The request always carries an idempotency token (a random one when none
   * is set), which makes the call safe to retry: Databricks answers a replay with the run it
   * already started.
   *
   * @param request the run
   * @return the run id
   * @throws IllegalArgumentException when the token is longer than 64 characters
   */
  public long submitRun(SubmitRunRequest request) {
    SubmitRunRequest withToken = withToken(request);
    return http.post(RUNS + "submit", withToken, JsonNode.class, true).path("run_id").asLong();
  }

  /**
   * Submits a run and returns a poller that waits for its end.
   *
   * @param request the run
   * @return the poller; {@code getFinalResult()} is the ended run
   */
  public SyncPoller<Run, Run> beginSubmitRun(SubmitRunRequest request) {
    return poller(() -> submitRun(request));
  }

  /**
   * Waits for a run submitted earlier, for example after a restart.
   *
   * @param runId the run
   * @return the poller; {@code getFinalResult()} is the ended run
   */
  public SyncPoller<Run, Run> beginWaitForRun(long runId) {
    return poller(() -> runId);
  }

  /**
   * Reads a run with all its tasks, following {@code next_page_token} past the first 100.
   *
   * @param runId the run
   * @return the run
   * @throws DatabricksResourceNotFoundException when no such run exists
   */
  public Run getRun(long runId) {
    return getRun(runId, false);
  }

  /**
   * Reads a run with all its tasks and, if asked, its repair history: the history holds the id the
   * next {@link #repairRun repair} must name as {@code latestRepairId}.
   *
   * @param runId the run
   * @param includeHistory whether to read the original attempt and each repair too
   * @return the run
   * @throws DatabricksResourceNotFoundException when no such run exists
   */
  public Run getRun(long runId, boolean includeHistory) {
    Run run =
        http.get(
            RUNS + "get",
            includeHistory
                ? Map.of("run_id", runId, "include_history", true)
                : Map.of("run_id", runId),
            Run.class);
    while (run.nextPageToken() != null && !run.nextPageToken().isEmpty()) {
      Run next =
          http.get(
              RUNS + "get", Map.of("run_id", runId, "page_token", run.nextPageToken()), Run.class);
      run = run.withMoreTasks(next.tasks(), next.nextPageToken());
    }
    return run;
  }

  /**
   * Reads what one task run produced. A multi-task run has no output of its own: pass a task's run
   * id, {@link RunTask#runId()}.
   *
   * @param taskRunId the task run
   * @return its output
   */
  public RunOutput getRunOutput(long taskRunId) {
    return http.get(RUNS + "get-output", Map.of("run_id", taskRunId), RunOutput.class);
  }

  /**
   * Asks Databricks to cancel a run; it stops asynchronously.
   *
   * @param runId the run
   */
  public void cancelRun(long runId) {
    // Cancelling twice has the same effect as once.
    http.post(RUNS + "cancel", Map.of("run_id", runId), Void.class, true);
  }

  /**
   * Lists runs, newest first.
   *
   * @param jobId only this job's runs, or null for all
   * @return the runs, read a page at a time
   */
  public PagedIterable<Run> listRuns(Long jobId) {
    return Pages.iterable(
        token -> {
          Map<String, Object> query = new LinkedHashMap<>();
          query.put("job_id", jobId);
          query.put("page_token", token);
          RunList page = http.get(RUNS + "list", query, RunList.class);
          return new Pages.Page<>(page.runs(), page.nextPageToken());
        });
  }

  /**
   * Reruns tasks of a job run.
   *
   * @param request what to rerun
   * @return the repair id, needed as {@code latestRepairId} by the next repair
   */
  public long repairRun(RepairRunRequest request) {
    return http.post(RUNS + "repair", request, JsonNode.class, false).path("repair_id").asLong();
  }

  /**
   * Saves a job.
   *
   * @param settings the job
   * @return its id
   */
  public long createJob(JobSettings settings) {
    return http.post(JOBS + "create", settings, JsonNode.class, false).path("job_id").asLong();
  }

  /**
   * Reads a job with all its tasks and clusters, following {@code next_page_token}.
   *
   * @param jobId the job
   * @return the job
   * @throws DatabricksResourceNotFoundException when no such job exists
   */
  public Job getJob(long jobId) {
    Job job = http.get(JOBS + "get", Map.of("job_id", jobId), Job.class);
    while (job.nextPageToken() != null && !job.nextPageToken().isEmpty()) {
      Job next =
          http.get(
              JOBS + "get", Map.of("job_id", jobId, "page_token", job.nextPageToken()), Job.class);
      job =
          new Job(
              job.jobId(),
              job.creatorUserName(),
              job.createdTime(),
              job.settings().merge(next.settings()),
              next.nextPageToken());
    }
    return job;
  }

  /**
   * Starts a run of a saved job; safe to retry, as it always carries an idempotency token.
   *
   * @param request the job and its parameters
   * @return the run id
   */
  public long runNow(RunNowRequest request) {
    RunNowRequest withToken =
        request.idempotencyToken() != null
            ? request
            : request.toBuilder().idempotencyToken(UUID.randomUUID().toString()).build();
    checkToken(withToken.idempotencyToken());
    return http.post(JOBS + "run-now", withToken, JsonNode.class, true).path("run_id").asLong();
  }

  /**
   * Starts a run of a saved job and returns a poller that waits for its end.
   *
   * @param request the job and its parameters
   * @return the poller
   */
  public SyncPoller<Run, Run> beginRunNow(RunNowRequest request) {
    return poller(() -> runNow(request));
  }

  /**
   * Deletes a job.
   *
   * @param jobId the job
   */
  public void deleteJob(long jobId) {
    http.post(JOBS + "delete", Map.of("job_id", jobId), Void.class, false);
  }

  /**
   * Lists saved jobs.
   *
   * @return the jobs, read a page at a time
   */
  public PagedIterable<Job> listJobs() {
    return Pages.iterable(
        token -> {
          Map<String, Object> query = new LinkedHashMap<>();
          query.put("page_token", token);
          JobList page = http.get(JOBS + "list", query, JobList.class);
          return new Pages.Page<>(page.jobs(), page.nextPageToken());
        });
  }

  // ------------------------------------------------------------------------------ waiting

  private SyncPoller<Run, Run> poller(java.util.function.LongSupplier start) {
    AtomicReference<Long> runId = new AtomicReference<>();
    AtomicInteger polls = new AtomicInteger();
    return new TypedFailurePoller<>(
        SyncPoller.createPoller(
            polling.min(),
            context -> {
              runId.set(start.getAsLong());
              return new PollResponse<>(
                  LongRunningOperationStatus.NOT_STARTED, null, Duration.ZERO);
            },
            context -> {
              Run run = getRun(runId.get());
              RunLifeCycleState state = run.lifeCycleState();
              if (!state.isTerminal()) {
                return new PollResponse<>(
                    LongRunningOperationStatus.IN_PROGRESS,
                    run,
                    polling.delay(polls.incrementAndGet()));
              }
              RunResultState result = run.state().resultState();
              if (state == RunLifeCycleState.TERMINATED && result != null && result.isSuccess()) {
                return new PollResponse<>(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED, run);
              }
              throw failure(run);
            },
            (context, response) -> {
              cancelRun(runId.get());
              return response.getValue();
            },
            context -> context.getLatestResponse().getValue()));
  }

  /**
   * The typed failure of an ended run, with each failed task's error read from its output.
   *
   * @param run the ended run
   * @return the exception
   */
  DatabricksRunException failure(Run run) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (RunTask task : run.tasks()) {
      RunResultState result = task.state() == null ? null : task.state().resultState();
      if (task.lifeCycleState().isTerminal()
          && (result == null || !result.isSuccess())
          && task.runId() != null) {
        errors.put(task.taskKey(), taskError(task));
      }
    }
    return new DatabricksRunException(
        run.runId(),
        run.lifeCycleState(),
        run.state().resultState(),
        DatabricksErrors.safe(run.state().stateMessage()),
        errors,
        run);
  }

  private String taskError(RunTask task) {
    String message = task.state() == null ? "" : task.state().stateMessage();
    try {
      RunOutput output = getRunOutput(task.runId());
      if (output.error() != null && !output.error().isBlank()) {
        message = output.error();
      }
    } catch (DatabricksException e) {
      // The output may be gone (runs expire after 60 days); the state message still explains.
    }
    RunResultState result = task.state() == null ? null : task.state().resultState();
    return (result == null ? task.lifeCycleState().name() : result.name())
        + (message == null || message.isBlank() ? "" : ": " + DatabricksErrors.safe(message));
  }

  private static SubmitRunRequest withToken(SubmitRunRequest request) {
    if (request.idempotencyToken() != null) {
      checkToken(request.idempotencyToken());
      return request;
    }
    return request.toBuilder().idempotencyToken(UUID.randomUUID().toString()).build();
  }

  private static void checkToken(String token) {
    if (token.isEmpty() || token.length() > MAX_IDEMPOTENCY_TOKEN) {
      throw new IllegalArgumentException(
          "'idempotencyToken' has "
              + token.length()
              + " characters; use 1 to "
              + MAX_IDEMPOTENCY_TOKEN
              + " (e.g. JobsClient.idempotencyToken(runId, step))");
    }
  }

  /**
   * A stable idempotency token for one submission: readable while it fits, else a hash, never over
   * 64 characters.
   *
   * @param parts what identifies the submission, e.g. the pipeline run id and the step name
   * @return the token
   */
  public static String idempotencyToken(String... parts) {
    String joined = String.join(".", parts).replaceAll("[^A-Za-z0-9._-]", "-");
    if (joined.length() <= MAX_IDEMPOTENCY_TOKEN) {
      return joined;
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  String.join("\u0000", Arrays.asList(parts))
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String hash = java.util.HexFormat.of().formatHex(digest).substring(0, 32);
      return joined.substring(0, MAX_IDEMPOTENCY_TOKEN - hash.length() - 1) + "-" + hash;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record RunList(List<Run> runs, Boolean hasMore, String nextPageToken) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    RunList {
      runs = runs == null ? new ArrayList<>() : runs;
    }
  }

  private record JobList(List<Job> jobs, Boolean hasMore, String nextPageToken) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    JobList {
      jobs = jobs == null ? new ArrayList<>() : jobs;
    }
  }
}
