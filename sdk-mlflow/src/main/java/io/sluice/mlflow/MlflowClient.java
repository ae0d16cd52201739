package io.sluice.mlflow;

import static com.azure.core.http.HttpMethod.DELETE;
import static com.azure.core.http.HttpMethod.PATCH;
import static com.azure.core.http.HttpMethod.POST;
import static io.sluice.mlflow.MlflowRest.body;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.mlflow.implementation.Json;
import io.sluice.mlflow.implementation.LogBatchWriter;
import io.sluice.mlflow.implementation.Validation;
import io.sluice.mlflow.models.DatasetInput;
import io.sluice.mlflow.models.Experiment;
import io.sluice.mlflow.models.FileInfo;
import io.sluice.mlflow.models.LoggedModel;
import io.sluice.mlflow.models.LoggedModelStatus;
import io.sluice.mlflow.models.Metric;
import io.sluice.mlflow.models.ModelVersion;
import io.sluice.mlflow.models.Param;
import io.sluice.mlflow.models.RegisteredModel;
import io.sluice.mlflow.models.Run;
import io.sluice.mlflow.models.RunInfo;
import io.sluice.mlflow.models.RunStatus;
import io.sluice.mlflow.models.Tag;
import io.sluice.mlflow.models.ViewType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A client for an MLflow tracking server and model registry over REST: experiments, runs and
 * what they log, metric histories, dataset inputs, registered models and versions, MLflow 3
 * logged models and artifacts, with no Python needed.
 *
 * <p>Create one with {@link MlflowClientBuilder}. The client is thread-safe; share one per
 * server. Searches return {@link PagedIterable}s that fetch pages as they are iterated. Errors
 * the server reports are {@link MlflowException}s, typed by MLflow's {@code error_code}
 * ({@link ResourceNotFoundException}, {@link ResourceAlreadyExistsException},
 * {@link InvalidParameterException}, {@link MlflowAuthenticationException}).
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
   * @throws ResourceAlreadyExistsException when an experiment of that name exists
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
   * @throws ResourceAlreadyExistsException when an experiment of that name exists
   */
  public String createExperiment(String name, String artifactLocation, List<Tag> tags) {
    return rest.call(POST, "experiments/create",
        body("name", name, "artifact_location", artifactLocation, "tags", tags))
        .path("experiment_id").asText();
  }

  /**
   * Gets an experiment.
   *
   * @param experimentId its id
   * @return the experiment
   * @throws ResourceNotFoundException when there is none with that id
   */
  public Experiment getExperiment(String experimentId) {
    return Json.field(rest.get("experiments/get", Map.of("experiment_id", experimentId)),
        "experiment", Experiment.class);
  }

  /**
   * Finds an experiment by name.
   *
   * @param name its name
   * @return the experiment, or empty when there is none of that name
   */
  public Optional<Experiment> getExperimentByName(String name) {
    try {
      return Optional.of(Json.field(rest.get("experiments/get-by-name",
          Map.of("experiment_name", name)), "experiment", Experiment.class));
    } catch (ResourceNotFoundException e) {
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
    return MlflowRest.paged(token -> rest.call(POST, "experiments/search",
        body("filter", filter, "view_type", viewType, "max_results", 1000, "page_token", token),
        true), "experiments", Experiment.class);
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
    rest.call(POST, "experiments/set-experiment-tag",
        body("experiment_id", experimentId, "key", key, "value", value), true);
  }

  /**
   * Deletes a tag of an experiment.
   *
   * @param experimentId its id
   * @param key the tag key
   */
  public void deleteExperimentTag(String experimentId, String key) {
    rest.call(POST, "experiments/delete-experiment-tag", body("experiment_id", experimentId, "key", key));
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
    return Json.field(rest.call(POST, "runs/create", body("experiment_id", experimentId,
        "run_name", runName, "start_time", System.currentTimeMillis(), "tags", tags,
        "user_id", System.getProperty("user.name"))), "run", Run.class);
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
  public <T, E extends Exception> T withRun(String experimentId, String runName,
      RunBody<T, E> body) throws E {
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
   * @throws ResourceNotFoundException when there is none with that id
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
    return Json.field(rest.call(POST, "runs/update", body("run_id", runId, "status", status,
        "end_time", endTime, "run_name", runName), true), "run_info", RunInfo.class);
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
    return MlflowRest.paged(token -> rest.call(POST, "runs/search", body("experiment_ids",
        experimentIds, "filter", filter, "run_view_type", viewType, "max_results", 1000,
        "order_by", orderBy, "page_token", token), true), "runs", Run.class);
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
   * Logs metrics, params and tags, in as many requests as the server's limits need (1,000
   * metrics, 100 params, 100 tags, 1 MB each). Each request may be retried safely: the server
   * keeps one copy of a metric point with the same key, value, timestamp and step, a param of
   * the same value, and the last value of a tag.
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
    return MlflowRest.paged(token -> rest.get("metrics/get-history", body("run_id", runId,
        "metric_key", key, "max_results", 25_000, "page_token", token)), "metrics", Metric.class);
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

  // ---- registered models ----

  /**
   * Creates a registered model.
   *
   * @param name a unique name
   * @param description its description, or null
   * @param tags its tags
   * @return the model
   * @throws ResourceAlreadyExistsException when one of that name exists
   */
  public RegisteredModel createRegisteredModel(String name, String description, List<Tag> tags) {
    return Json.field(rest.call(POST, "registered-models/create",
        body("name", name, "description", description, "tags", tags)),
        "registered_model", RegisteredModel.class);
  }

  /**
   * Gets a registered model.
   *
   * @param name its name
   * @return the model
   * @throws ResourceNotFoundException when there is none of that name
   */
  public RegisteredModel getRegisteredModel(String name) {
    return Json.field(rest.get("registered-models/get", Map.of("name", name)),
        "registered_model", RegisteredModel.class);
  }

  /**
   * Searches registered models.
   *
   * @param filter a filter such as {@code name LIKE 'churn%'}, or null for all
   * @return the matching models, fetched page by page
   */
  public PagedIterable<RegisteredModel> searchRegisteredModels(String filter) {
    return MlflowRest.paged(token -> rest.get("registered-models/search", body("filter", filter,
        "max_results", 1000, "page_token", token)), "registered_models", RegisteredModel.class);
  }

  /**
   * Renames a registered model.
   *
   * @param name its name
   * @param newName the new unique name
   * @return the renamed model
   */
  public RegisteredModel renameRegisteredModel(String name, String newName) {
    return Json.field(rest.call(POST, "registered-models/rename",
        body("name", name, "new_name", newName)), "registered_model", RegisteredModel.class);
  }

  /**
   * Changes a registered model's description.
   *
   * @param name its name
   * @param description the new description
   * @return the model
   */
  public RegisteredModel updateRegisteredModel(String name, String description) {
    return Json.field(rest.call(PATCH, "registered-models/update",
        body("name", name, "description", description), true), "registered_model", RegisteredModel.class);
  }

  /**
   * Deletes a registered model and all its versions.
   *
   * @param name its name
   */
  public void deleteRegisteredModel(String name) {
    rest.call(DELETE, "registered-models/delete", body("name", name));
  }

  /**
   * Sets a tag on a registered model.
   *
   * @param name the model
   * @param key the tag key
   * @param value the tag value
   */
  public void setRegisteredModelTag(String name, String key, String value) {
    rest.call(POST, "registered-models/set-tag", body("name", name, "key", key, "value", value), true);
  }

  /**
   * Deletes a tag of a registered model.
   *
   * @param name the model
   * @param key the tag key
   */
  public void deleteRegisteredModelTag(String name, String key) {
    rest.call(DELETE, "registered-models/delete-tag", body("name", name, "key", key));
  }

  /**
   * Points an alias (such as {@code champion}) at a version, moving it if it pointed elsewhere.
   *
   * @param name the model
   * @param alias the alias
   * @param version the version
   */
  public void setRegisteredModelAlias(String name, String alias, String version) {
    rest.call(POST, "registered-models/alias",
        body("name", name, "alias", alias, "version", version), true);
  }

  /**
   * Removes an alias.
   *
   * @param name the model
   * @param alias the alias
   */
  public void deleteRegisteredModelAlias(String name, String alias) {
    rest.call(DELETE, "registered-models/alias", body("name", name, "alias", alias));
  }

  /**
   * Gets the version an alias points at.
   *
   * @param name the model
   * @param alias the alias
   * @return the version
   * @throws ResourceNotFoundException when the alias is not set
   */
  public ModelVersion getModelVersionByAlias(String name, String alias) {
    return Json.field(rest.get("registered-models/alias", Map.of("name", name, "alias", alias)),
        "model_version", ModelVersion.class);
  }

  // ---- model versions ----

  /**
   * Registers a new version of a model.
   *
   * @param name the registered model
   * @param source where the model files are, such as {@code runs:/<run>/model} or {@code models:/<model_id>}
   * @param runId the run that produced it, or null
   * @param modelId the MLflow 3 logged model it registers (required with a {@code models:/}
   *     source), or null
   * @param tags its tags
   * @return the version (its status becomes {@code READY} once registered)
   */
  public ModelVersion createModelVersion(
      String name, String source, String runId, String modelId, List<Tag> tags) {
    return Json.field(rest.call(POST, "model-versions/create", body("name", name,
        "source", source, "run_id", runId, "model_id", modelId, "tags", tags)),
        "model_version", ModelVersion.class);
  }

  /**
   * Gets a model version.
   *
   * @param name the registered model
   * @param version the version
   * @return the version
   * @throws ResourceNotFoundException when it does not exist
   */
  public ModelVersion getModelVersion(String name, String version) {
    return Json.field(rest.get("model-versions/get", Map.of("name", name, "version", version)),
        "model_version", ModelVersion.class);
  }

  /**
   * Searches model versions.
   *
   * @param filter a filter such as {@code name = 'churn'}, or null for all
   * @return the matching versions, fetched page by page
   */
  public PagedIterable<ModelVersion> searchModelVersions(String filter) {
    return MlflowRest.paged(token -> rest.get("model-versions/search", body("filter", filter,
        "max_results", 10_000, "page_token", token)), "model_versions", ModelVersion.class);
  }

  /**
   * Changes a model version's description.
   *
   * @param name the registered model
   * @param version the version
   * @param description the new description
   * @return the version
   */
  public ModelVersion updateModelVersion(String name, String version, String description) {
    return Json.field(rest.call(PATCH, "model-versions/update",
        body("name", name, "version", version, "description", description), true),
        "model_version", ModelVersion.class);
  }

  /**
   * Deletes a model version.
   *
   * @param name the registered model
   * @param version the version
   */
  public void deleteModelVersion(String name, String version) {
    rest.call(DELETE, "model-versions/delete", body("name", name, "version", version));
  }

  /**
   * Moves a model version to a stage (the registry's stages are deprecated upstream in favour of
   * aliases, and still served).
   *
   * @param name the registered model
   * @param version the version
   * @param stage {@code Staging}, {@code Production}, {@code Archived} or {@code None}
   * @param archiveExistingVersions whether versions now in that stage move to {@code Archived}
   * @return the version
   */
  public ModelVersion transitionModelVersionStage(
      String name, String version, String stage, boolean archiveExistingVersions) {
    return Json.field(rest.call(POST, "model-versions/transition-stage", body("name", name,
        "version", version, "stage", stage, "archive_existing_versions", archiveExistingVersions)),
        "model_version", ModelVersion.class);
  }

  /**
   * Sets a tag on a model version.
   *
   * @param name the registered model
   * @param version the version
   * @param key the tag key
   * @param value the tag value
   */
  public void setModelVersionTag(String name, String version, String key, String value) {
    rest.call(POST, "model-versions/set-tag",
        body("name", name, "version", version, "key", key, "value", value), true);
  }

  /**
   * Deletes a tag of a model version.
   *
   * @param name the registered model
   * @param version the version
   * @param key the tag key
   */
  public void deleteModelVersionTag(String name, String version, String key) {
    rest.call(DELETE, "model-versions/delete-tag", body("name", name, "version", version, "key", key));
  }

  // ---- MLflow 3 logged models ----

  /**
   * Creates a logged model in status {@code LOGGED_MODEL_PENDING}; upload its files, then
   * {@link #finalizeLoggedModel finalize} it.
   *
   * @param experimentId the experiment
   * @param name its name, or null for a generated one
   * @param sourceRunId the run that produced it, or null
   * @param params its params
   * @param tags its tags
   * @return the model
   */
  public LoggedModel createLoggedModel(String experimentId, String name, String sourceRunId,
      List<Param> params, List<Tag> tags) {
    return Json.field(rest.call(POST, "logged-models", body("experiment_id", experimentId,
        "name", name, "source_run_id", sourceRunId, "params", params, "tags", tags)),
        "model", LoggedModel.class);
  }

  /**
   * Gets a logged model.
   *
   * @param modelId its id
   * @return the model
   * @throws ResourceNotFoundException when it does not exist
   */
  public LoggedModel getLoggedModel(String modelId) {
    return Json.field(rest.get("logged-models/" + segment(modelId), Map.of()), "model", LoggedModel.class);
  }

  /**
   * Marks a logged model as ready, or as failed to upload.
   *
   * @param modelId its id
   * @param status the final status
   * @return the model
   */
  public LoggedModel finalizeLoggedModel(String modelId, LoggedModelStatus status) {
    return Json.field(rest.call(PATCH, "logged-models/" + segment(modelId),
        body("model_id", modelId, "status", status), true), "model", LoggedModel.class);
  }

  /**
   * Searches logged models.
   *
   * @param experimentIds the experiments to search
   * @param filter a filter such as {@code params.alpha < 0.3}, or null
   * @return the matching models, fetched page by page
   */
  public PagedIterable<LoggedModel> searchLoggedModels(List<String> experimentIds, String filter) {
    return MlflowRest.paged(token -> rest.call(POST, "logged-models/search",
        body("experiment_ids", experimentIds, "filter", filter, "max_results", 100,
            "page_token", token), true), "models", LoggedModel.class);
  }

  /**
   * Sets tags on a logged model.
   *
   * @param modelId its id
   * @param tags the tags to set
   */
  public void setLoggedModelTags(String modelId, List<Tag> tags) {
    rest.call(PATCH, "logged-models/" + segment(modelId) + "/tags", body("tags", tags), true);
  }

  /**
   * Deletes a tag of a logged model.
   *
   * @param modelId its id
   * @param key the tag key
   */
  public void deleteLoggedModelTag(String modelId, String key) {
    rest.call(DELETE, "logged-models/" + segment(modelId) + "/tags/" + segment(key), Map.of());
  }

  /**
   * Deletes a logged model.
   *
   * @param modelId its id
   */
  public void deleteLoggedModel(String modelId) {
    rest.call(DELETE, "logged-models/" + segment(modelId), Map.of());
  }

  // ---- artifacts ----

  /**
   * Uploads a file into a run's artifacts through the server's artifact proxy, streaming it
   * from disk (any size).
   *
   * @param runId the run
   * @param file the local file
   * @param artifactDirectory the directory inside the run's artifacts, or null for the root
   */
  public void uploadArtifact(String runId, Path file, String artifactDirectory) {
    String path = join(artifactDirectory, file.getFileName().toString());
    HttpRequest request = new HttpRequest(HttpMethod.PUT, artifactUrl(runId, path))
        .setHeader(HttpHeaderName.CONTENT_TYPE, "application/octet-stream")
        .setBody(BinaryData.fromFile(file));
    rest.send(request, true).close();
  }

  /**
   * Uploads a directory tree into a run's artifacts, file by file.
   *
   * @param runId the run
   * @param directory the local directory
   * @param artifactDirectory the directory inside the run's artifacts, or null for the root
   */
  public void uploadArtifacts(String runId, Path directory, String artifactDirectory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Path parent = directory.relativize(file).getParent();
        uploadArtifact(runId, file, join(artifactDirectory,
            parent == null ? null : parent.toString().replace('\\', '/')));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory, e);
    }
  }

  /**
   * Lists a directory of a run's artifacts.
   *
   * @param runId the run
   * @param path the directory, or null for the root
   * @return its files and directories, paths relative to the run's artifact root
   */
  public List<FileInfo> listArtifacts(String runId, String path) {
    List<FileInfo> files = new ArrayList<>();
    MlflowRest.paged(token -> rest.get("artifacts/list", body("run_id", runId, "path", path,
        "page_token", token)), "files", FileInfo.class).forEach(files::add);
    return files;
  }

  /**
   * Downloads one artifact file, streaming it to disk; the target appears only when complete.
   *
   * @param runId the run
   * @param path the artifact's path inside the run's artifacts
   * @param target the local file to write (replaced if present)
   */
  public void downloadArtifact(String runId, String path, Path target) {
    HttpRequest request = new HttpRequest(HttpMethod.GET, artifactUrl(runId, path));
    try (HttpResponse response = rest.send(request, false);
        InputStream in = response.getBodyAsBinaryData().toStream()) {
      Path absolute = target.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
      try {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot download artifact '" + path + "' to " + target, e);
    }
  }

  private String artifactUrl(String runId, String path) {
    String root = getRun(runId).info().artifactUri();
    String prefix = "mlflow-artifacts:";
    if (root == null || !root.startsWith(prefix)) {
      throw new MlflowConfigurationException("run " + runId + " stores artifacts at '" + root
          + "', which the server's artifact proxy does not serve; start the server with"
          + " --serve-artifacts and create the experiment without an artifact location");
    }
    String rootPath = root.substring(prefix.length());
    if (rootPath.startsWith("//")) {
      // mlflow-artifacts://host:port/path names the server by address; we already know it.
      rootPath = rootPath.substring(rootPath.indexOf('/', 2));
    }
    StringBuilder url = new StringBuilder(rest.baseUrl()).append(MlflowRest.ARTIFACTS_API);
    for (String part : (rootPath + "/" + path).split("/")) {
      if (!part.isEmpty()) {
        url.append('/').append(segment(part));
      }
    }
    return url.toString();
  }

  private static String join(String directory, String name) {
    return directory == null || directory.isEmpty() ? name
        : name == null ? directory : directory + "/" + name;
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static Metric metric(String key, double value, long timestamp, long step) {
    return new Metric(Validation.key("metric key", key), value, timestamp, step);
  }

  static Param param(String key, String value) {
    Validation.key("param key", key);
    return new Param(key, Validation.value("param '" + key + "'", value, Validation.MAX_PARAM_VALUE_LENGTH));
  }

  static Tag tag(String key, String value) {
    Validation.key("tag key", key);
    return new Tag(key, Validation.value("tag '" + key + "'", value, Validation.MAX_TAG_VALUE_LENGTH));
  }
}
