package io.sluice.mlflow;

import static com.azure.core.http.HttpMethod.DELETE;
import static com.azure.core.http.HttpMethod.PATCH;
import static com.azure.core.http.HttpMethod.POST;
import static io.sluice.mlflow.MlflowRest.body;

import com.azure.core.http.rest.PagedIterable;
import io.sluice.mlflow.implementation.Json;
import io.sluice.mlflow.models.LoggedModel;
import io.sluice.mlflow.models.LoggedModelStatus;
import io.sluice.mlflow.models.Param;
import io.sluice.mlflow.models.Tag;
import java.util.List;
import java.util.Map;

/**
 * MLflow 3 logged models: models with their own id, params, tags and status, which runs produce and
 * registered model versions point at. Get it from {@link MlflowClient#getLoggedModelClient()};
 * thread-safe.
 */
public final class MlflowLoggedModelClient {
  private final MlflowRest rest;

  MlflowLoggedModelClient(MlflowRest rest) {
    this.rest = rest;
  }

  /**
   * Creates a logged model in status {@code LOGGED_MODEL_PENDING}; upload its files, then {@link
   * #finalizeLoggedModel finalize} it.
   *
   * @param experimentId the experiment
   * @param name its name, or null for a generated one
   * @param sourceRunId the run that produced it, or null
   * @param params its params
   * @param tags its tags
   * @return the model
   */
  public LoggedModel createLoggedModel(
      String experimentId, String name, String sourceRunId, List<Param> params, List<Tag> tags) {
    return Json.field(
        rest.call(
            POST,
            "logged-models",
            body(
                "experiment_id",
                experimentId,
                "name",
                name,
                "source_run_id",
                sourceRunId,
                "params",
                params,
                "tags",
                tags)),
        "model",
        LoggedModel.class);
  }

  /**
   * Gets a logged model.
   *
   * @param modelId its id
   * @return the model
   * @throws MlflowResourceNotFoundException when it does not exist
   */
  public LoggedModel getLoggedModel(String modelId) {
    return Json.field(
        rest.get("logged-models/" + MlflowRest.segment(modelId), Map.of()),
        "model",
        LoggedModel.class);
  }

  /**
   * Marks a logged model as ready, or as failed to upload.
   *
   * @param modelId its id
   * @param status the final status
   * @return the model
   */
  public LoggedModel finalizeLoggedModel(String modelId, LoggedModelStatus status) {
    return Json.field(
        rest.call(
            PATCH,
            "logged-models/" + MlflowRest.segment(modelId),
            body("model_id", modelId, "status", status),
            true),
        "model",
        LoggedModel.class);
  }

  /**
   * Searches logged models.
   *
   * @param experimentIds the experiments to search
   * @param filter a filter such as {@code params.alpha < 0.3}, or null
   * @return the matching models, fetched page by page
   */
  public PagedIterable<LoggedModel> searchLoggedModels(List<String> experimentIds, String filter) {
    return MlflowRest.paged(
        token ->
            rest.call(
                POST,
                "logged-models/search",
                body(
                    "experiment_ids",
                    experimentIds,
                    "filter",
                    filter,
                    "max_results",
                    100,
                    "page_token",
                    token),
                true),
        "models",
        LoggedModel.class);
  }

  /**
   * Sets tags on a logged model.
   *
   * @param modelId its id
   * @param tags the tags to set
   */
  public void setLoggedModelTags(String modelId, List<Tag> tags) {
    rest.call(
        PATCH, "logged-models/" + MlflowRest.segment(modelId) + "/tags", body("tags", tags), true);
  }

  /**
   * Deletes a tag of a logged model.
   *
   * @param modelId its id
   * @param key the tag key
   */
  public void deleteLoggedModelTag(String modelId, String key) {
    rest.call(
        DELETE,
        "logged-models/" + MlflowRest.segment(modelId) + "/tags/" + MlflowRest.segment(key),
        Map.of());
  }

  /**
   * Deletes a logged model.
   *
   * @param modelId its id
   */
  public void deleteLoggedModel(String modelId) {
    rest.call(DELETE, "logged-models/" + MlflowRest.segment(modelId), Map.of());
  }
}
