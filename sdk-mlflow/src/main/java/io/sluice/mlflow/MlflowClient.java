package io.sluice.mlflow;

import static com.azure.core.http.HttpMethod.POST;
import static io.sluice.mlflow.MlflowRest.body;

import com.azure.core.http.rest.PagedIterable;
import io.sluice.mlflow.implementation.Json;
import io.sluice.mlflow.implementation.LogBatchWriter;
import io.sluice.mlflow.implementation.Validation;
import io.sluice.mlflow.models.DatasetInput;
import io.sluice.mlflow.models.Experiment;
import io.sluice.mlflow.models.Metric;
import io.sluice.mlflow.models.Param;
import io.sluice.mlflow.models.Run;
import io.sluice.mlflow.models.RunInfo;
import io.sluice.mlflow.models.RunStatus;
import io.sluice.mlflow.models.Tag;
import io.sluice.mlflow.models.ViewType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client for an MLflow tracking server over REST: experiments, runs and what they log, metric
 * histories and dataset inputs. The registry, MLflow 3 logged models and artifacts have their own
 * clients on the same connection: {@link #getRegistryClient()}, {@link #getLoggedModelClient()},
 * {@link #getArtifactClient()}. No Python is needed.
 *
 * <p>Create one with {@link MlflowClientBuilder}. The client is thread-safe; share one per server.
 * Searches return {@link PagedIterable}s that fetch pages as they are iterated. Errors the server
 * reports are {@link MlflowException}s, typed by MLflow's {@code error_code} ({@link
 * MlflowResourceNotFoundException}, {@link MlflowResourceAlreadyExistsException}, {@link
 * MlflowInvalidParameterException}, {@link MlflowAuthenticationException}).
 *
 * <pre>{@code
 * MlflowClient mlflow = new MlflowClientBuilder().trackingUri("http://127.0.0.1:5000").buildClient();
 * String experimentId = mlflow.createExperiment("churn");
 * try (ActiveRun run = mlflow.startRun(experimentId, "baseline")) {
 *   run.logger().logParam("lr", "0.01");
 *   for (int step = 0; step < 100; step++) {
 *     run.logger().logMetric("loss", 1.0 / (step + 1), step);
 *   }
 *   run.complete();
 * }
 * }</pre>
 */
public final class MlflowClient {
  private final MlflowRest rest;
  private final int asyncQueueCapacity;

  MlflowClient(MlflowRest rest, int asyncQueueCapacity) {
    this.rest = rest;
    this.asyncQueueCapacity = asyncQueueCapacity;
  }

  // ---- experiments ----

  /**
   * Creates an experiment.
   *
   * @param name a unique name
   * @return the new experiment's id
   * @throws MlflowResourceAlreadyExistsException when an experiment of that name exists
   */
  public String createExperiment(String name) {
    return createExperiment(name, null, List.of());
  }

  /**
   * Creates an experiment with an artifact location and tags.
   *
   * @param name a unique name
   * @param artifactLocation where its runs store artifacts, or null for the server's default
   * @param tags its tags
   * @return the new experiment's id
   * @throws MlflowResourceAlreadyExistsException when an experiment of that name exists
   */
  public String createExperiment(String name, String artifactLocation, List<Tag> tags) {
    return rest.call(
            POST,
            "experiments/create",
            body("name", name, "artifact_location", artifactLocation, "tags", tags))
        .path("experiment_id")
        .asText();
  }

  /**
   * Gets an experiment.
   *
   * @param experimentId its id
   * @return the experiment
   * @throws MlflowResourceNotFoundException when there is none with that id
   */
  public Experiment getExperiment(String experimentId) {
    return Json.field(
        rest.get("experiments/get", Map.of("experiment_id", experimentId)),
        "experiment",
        Experiment.class);
  }

  /**
   * Finds an experiment by name.
   *
   * @param name its name
   * @return the experiment, or empty when there is none of that name
   */
  public Optional<Experiment> getExperimentByName(String name) {
    try {
      return Optional.of(
          Json.field(
              rest.get("experiments/get-by-name", Map.of("experiment_name", name)),
              "experiment",
              Experiment.class));
    } catch (MlflowResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Searches experiments.
   *
   * @param filter a filter such as {@code name LIKE 'churn%'}, or null for all
   * @param viewType which lifecycle stages to include
   * @return the matching experiments, fetched page by page
   */
  public PagedIterable<Experiment> searchExperiments(String filter, ViewType viewType) {
    return MlflowRest.paged(
        token ->
            rest.call(
                POST,
                "experiments/search",
                body(
                    "filter",
                    filter,
                    "view_type",
                    viewType,
                    "max_results",
                    1000,
                    "page_token",
                    token),
                true),
        "experiments",
        Experiment.class);
  }

  /**
   * Deletes an experiment (it can be restored).
   *
   * @param experimentId its id
   */
  public void deleteExperiment(String experimentId) {
    rest.call(POST, "experiments/delete", body("experiment_id", experimentId));
  }

  /**
   * Restores a deleted experiment.
   *
   * @param experimentId its id
   */
  public void restoreExperiment(String experimentId) {
    rest.call(POST, "experiments/restore", body("experiment_id", experimentId));
  }

  /**
   * Renames an experiment.
   *
   * @param experimentId its id
   * @param newName the new unique name
   */
  public void renameExperiment(String experimentId, String newName) {
    rest.call(POST, "experiments/update", body("experiment_id", experimentId, "new_name", newName));
  }

  /**
   * Sets a tag on an experiment.
   *
   * @param experimentId its id
   * @param key the tag key
   * @param value the tag value
   */
  public void setExperimentTag(String experimentId, String key, String value) {
    rest.call(
        POST,
        "experiments/set-experiment-tag",
        body("experiment_id", experimentId, "key", key, "value", value),
        true);
  }

  /**
   * Deletes a tag of an experiment.
   *
   * @param experimentId its id
   * @param key the tag key
   */
  public void deleteExperimentTag(String experimentId, String key) {
    rest.call(
        POST, "experiments/delete-experiment-tag", body("experiment_id", experimentId, "key", key));
  }

  // ---- runs ----

  /**
   * Creates a run in status {@code RUNNING}, started now.
   *
   * @param experimentId the experiment
   * @param runName a display name, or null for a generated one
   * @param tags its tags
   * @return the run
   */
  public Run createRun(String experimentId, String runName, List<Tag> tags) {
    return Json.field(
        rest.call(
            POST,
            "runs/create",
            body(
                "experiment_id",
                experimentId,
                "run_name",
                runName,
                "start_time",
                System.currentTimeMillis(),
                "tags",
                tags,
                "user_id",
                System.getProperty("user.name"))),
        "run",
        Run.class);
  }

  /**
   * Creates a run and opens a scope that ends it: see {@link ActiveRun}.
   *
   * @param experimentId the experiment
   * @param runName a display name, or null for a generated one
   * @return the scope; close it with try-with-resources
   */
  public ActiveRun startRun(String experimentId, String runName) {
    Run run = createRun(experimentId, runName, List.of());
    return new ActiveRun(this, run.info().runId());
  }

  /**
   * Runs {@code body} inside a new run, which ends {@code FINISHED} when the body returns and
   * {@code FAILED} when it throws; the body's exception is rethrown unchanged.
   *
   * @param experimentId the experiment
   * @param runName a display name, or null for a generated one
   * @param body what to do in the run
   * @param <T> what the body returns
   * @param <E> what the body may throw
   * @return what the body returned
   * @throws E what the body threw
   */
  public <T, E extends Exception> T withRun(String experimentId, String runName, RunBody<T, E> body)
      throws E {
    try (ActiveRun run = startRun(experimentId, runName)) {
      T result = body.apply(run);
      run.complete();
      return result;
    }
  }

  /**
   * What {@link #withRun} runs.
   *
   * @param <T> what it returns
   * @param <E> what it may throw
   */
  @FunctionalInterface
  public interface RunBody<T, E extends Exception> {
    /**
     * Does the work of the run.
     *
     * @param run the run, with its logger
     * @return a result
     * @throws E on failure; the run then ends {@code FAILED}
     */
    T apply(ActiveRun run) throws E;
  }

  /**
   * Gets a run with its latest metrics, params, tags and inputs.
   *
   * @param runId its id
   * @return the run
   * @throws MlflowResourceNotFoundException when there is none with that id
   */
  public Run getRun(String runId) {
    return Json.field(rest.get("runs/get", Map.of("run_id", runId)), "run", Run.class);
  }

  /**
   * Ends a run, or changes its status or name.
   *
   * @param runId its id
   * @param status the new status
   * @param endTime the end time in milliseconds since the epoch, or null to leave it
   * @param runName a new name, or null to keep it
   * @return the run's updated metadata
   */
  public RunInfo updateRun(String runId, RunStatus status, Long endTime, String runName) {
    return Json.field(
        rest.call(
            POST,
            "runs/update",
            body("run_id", runId, "status", status, "end_time", endTime, "run_name", runName),
            true),
        "run_info",
        RunInfo.class);
  }

  /**
   * Ends a run now.
   *
   * @param runId its id
   * @param status {@code FINISHED}, {@code FAILED} or {@code KILLED}
   */
  public void endRun(String runId, RunStatus status) {
    updateRun(runId, status, System.currentTimeMillis(), null);
  }

  /**
   * Searches runs.
   *
   * @param experimentIds the experiments to search
   * @param filter a filter such as {@code metrics.loss < 0.1 and params.lr = '0.01'}, or null
   * @param viewType which lifecycle stages to include
   * @param orderBy sort clauses such as {@code metrics.loss ASC}; may be empty
   * @return the matching runs, fetched page by page
   */
  public PagedIterable<Run> searchRuns(
      List<String> experimentIds, String filter, ViewType viewType, List<String> orderBy) {
    return MlflowRest.paged(
        token ->
            rest.call(
                POST,
                "runs/search",
                body(
                    "experiment_ids",
                    experimentIds,
                    "filter",
                    filter,
                    "run_view_type",
                    viewType,
                    "max_results",
                    1000,
                    "order_by",
                    orderBy,
                    "page_token",
                    token),
                true),
        "runs",
        Run.class);
  }

  /**
   * Deletes a run (it can be restored).
   *
   * @param runId its id
   */
  public void deleteRun(String runId) {
    rest.call(POST, "runs/delete", body("run_id", runId), true);
  }

  /**
   * Restores a deleted run.
   *
   * @param runId its id
   */
  public void restoreRun(String runId) {
    rest.call(POST, "runs/restore", body("run_id", runId), true);
  }

  // ---- params, metrics, tags ----

  /**
   * Logs a param; logging the same value again is allowed, another value is not.
   *
   * @param runId the run
   * @param key the name
   * @param value the value, at most 6,000 characters
   */
  public void logParam(String runId, String key, String value) {
    logBatch(runId, List.of(), List.of(param(key, value)), List.of());
  }

  /**
   * Logs a metric point.
   *
   * @param runId the run
   * @param key the name
   * @param value the value
   * @param timestamp when it was measured, in milliseconds since the epoch
   * @param step the step
   */
  public void logMetric(String runId, String key, double value, long timestamp, long step) {
    logBatch(runId, List.of(metric(key, value, timestamp, step)), List.of(), List.of());
  }

  /**
   * Sets a run tag, replacing its previous value.
   *
   * @param runId the run
   * @param key the tag key
   * @param value the value, at most 8,000 characters
   */
  public void setTag(String runId, String key, String value) {
    logBatch(runId, List.of(), List.of(), List.of(tag(key, value)));
  }

  /**
   * Deletes a run tag.
   *
   * @param runId the run
   * @param key the tag key
   */
  public void deleteTag(String runId, String key) {
    rest.call(POST, "runs/delete-tag", body("run_id", runId, "key", key), true);
  }

  /**
   * Logs metrics, params and tags, in as many requests as the server's limits need (1,000 metrics,
   * 100 params, 100 tags, 1 MB each). Each request may be retried safely: the server keeps one copy
   * of a metric point with the same key, value, timestamp and step, a param of the same value, and
   * the last value of a tag.
   *
   * @param runId the run
   * @param metrics the metric points
   * @param params the params; keys must be unique
   * @param tags the tags
   * @throws IllegalArgumentException when a key or value breaks MLflow's rules; nothing is sent
   */
  public void logBatch(String runId, List<Metric> metrics, List<Param> params, List<Tag> tags) {
    List<Object> entities = new ArrayList<>(metrics.size() + params.size() + tags.size());
    params.forEach(p -> entities.add(param(p.key(), p.value())));
    tags.forEach(t -> entities.add(tag(t.key(), t.value())));
    metrics.forEach(m -> entities.add(metric(m.key(), m.value(), m.timestamp(), m.step())));
    LogBatchWriter batch = new LogBatchWriter(runId);
    for (Object entity : entities) {
      if (!batch.tryAdd(entity)) {
        sendBatch(batch);
        batch = new LogBatchWriter(runId);
        batch.tryAdd(entity);
      }
    }
    if (batch.size() > 0) {
      sendBatch(batch);
    }
  }

  void sendBatch(LogBatchWriter batch) {
    rest.call(POST, "runs/log-batch", batch.toJson(), true);
  }

  /**
   * The full history of a metric, fetched page by page.
   *
   * @param runId the run
   * @param key the metric name
   * @return its points in the order the server keeps them
   */
  public PagedIterable<Metric> getMetricHistory(String runId, String key) {
    return MlflowRest.paged(
        token ->
            rest.get(
                "metrics/get-history",
                body(
                    "run_id",
                    runId,
                    "metric_key",
                    key,
                    "max_results",
                    25_000,
                    "page_token",
                    token)),
        "metrics",
        Metric.class);
  }

  /**
   * Records the datasets a run used.
   *
   * @param runId the run
   * @param datasets the dataset inputs
   */
  public void logInputs(String runId, List<DatasetInput> datasets) {
    rest.call(POST, "runs/log-inputs", body("run_id", runId, "datasets", datasets), true);
  }

  /**
   * Opens an asynchronous, batching logger for a run. Close it to send what it holds.
   *
   * @param runId the run
   * @return the logger
   */
  public MlflowRunLogger runLogger(String runId) {
    return new MlflowRunLogger(this, runId, asyncQueueCapacity);
  }

  // ---- the registry, logged models and artifacts ----

  /**
   * The model registry client, sharing this client's connection and credentials.
   *
   * @return the registry client
   */
  public MlflowRegistryClient getRegistryClient() {
    return new MlflowRegistryClient(rest);
  }

  /**
   * The MLflow 3 logged model client, sharing this client's connection and credentials.
   *
   * @return the logged model client
   */
  public MlflowLoggedModelClient getLoggedModelClient() {
    return new MlflowLoggedModelClient(rest);
  }

  /**
   * The artifact client, sharing this client's connection and credentials.
   *
   * @return the artifact client
   */
  public MlflowArtifactClient getArtifactClient() {
    return new MlflowArtifactClient(rest, this);
  }

  static Metric metric(String key, double value, long timestamp, long step) {
    return Metric.builder(Validation.key("metric key", key))
        .value(value)
        .timestamp(timestamp)
        .step(step)
        .build();
  }

  static Param param(String key, String value) {
    Validation.key("param key", key);
    return new Param(
        key, Validation.value("param '" + key + "'", value, Validation.MAX_PARAM_VALUE_LENGTH));
  }

  static Tag tag(String key, String value) {
    Validation.key("tag key", key);
    return new Tag(
        key, Validation.value("tag '" + key + "'", value, Validation.MAX_TAG_VALUE_LENGTH));
  }
}
