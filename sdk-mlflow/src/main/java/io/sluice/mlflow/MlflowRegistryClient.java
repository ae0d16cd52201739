package io.sluice.mlflow;

import static com.azure.core.http.HttpMethod.DELETE;
import static com.azure.core.http.HttpMethod.PATCH;
import static com.azure.core.http.HttpMethod.POST;
import static io.sluice.mlflow.MlflowRest.body;

import com.azure.core.http.rest.PagedIterable;
import io.sluice.mlflow.implementation.Json;
import io.sluice.mlflow.models.ModelVersion;
import io.sluice.mlflow.models.RegisteredModel;
import io.sluice.mlflow.models.Tag;
import java.util.List;
import java.util.Map;

/**
 * The MLflow model registry: registered models, their versions, aliases, tags and stages. Get it
 * from {@link MlflowClient#getRegistryClient()}; thread-safe.
 */
public final class MlflowRegistryClient {
  private final MlflowRest rest;

  MlflowRegistryClient(MlflowRest rest) {
    this.rest = rest;
  }

  /**
   * Creates a registered model.
   *
   * @param name a unique name
   * @param description its description, or null
   * @param tags its tags
   * @return the model
   * @throws MlflowResourceAlreadyExistsException when one of that name exists
   */
  public RegisteredModel createRegisteredModel(String name, String description, List<Tag> tags) {
    return Json.field(
        rest.call(
            POST,
            "registered-models/create",
            body("name", name, "description", description, "tags", tags)),
        "registered_model",
        RegisteredModel.class);
  }

  /**
   * Gets a registered model.
   *
   * @param name its name
   * @return the model
   * @throws MlflowResourceNotFoundException when there is none of that name
   */
  public RegisteredModel getRegisteredModel(String name) {
    return Json.field(
        rest.get("registered-models/get", Map.of("name", name)),
        "registered_model",
        RegisteredModel.class);
  }

  /**
   * Searches registered models.
   *
   * @param filter a filter such as {@code name LIKE 'churn%'}, or null for all
   * @return the matching models, fetched page by page
   */
  public PagedIterable<RegisteredModel> searchRegisteredModels(String filter) {
    return MlflowRest.paged(
        token ->
            rest.get(
                "registered-models/search",
                body("filter", filter, "max_results", 1000, "page_token", token)),
        "registered_models",
        RegisteredModel.class);
  }

  /**
   * Renames a registered model.
   *
   * @param name its name
   * @param newName the new unique name
   * @return the renamed model
   */
  public RegisteredModel renameRegisteredModel(String name, String newName) {
    return Json.field(
        rest.call(POST, "registered-models/rename", body("name", name, "new_name", newName)),
        "registered_model",
        RegisteredModel.class);
  }

  /**
   * Changes a registered model's description.
   *
   * @param name its name
   * @param description the new description
   * @return the model
   */
  public RegisteredModel updateRegisteredModel(String name, String description) {
    return Json.field(
        rest.call(
            PATCH,
            "registered-models/update",
            body("name", name, "description", description),
            true),
        "registered_model",
        RegisteredModel.class);
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
    rest.call(
        POST, "registered-models/set-tag", body("name", name, "key", key, "value", value), true);
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
    rest.call(
        POST,
        "registered-models/alias",
        body("name", name, "alias", alias, "version", version),
        true);
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
   * @throws MlflowResourceNotFoundException when the alias is not set
   */
  public ModelVersion getModelVersionByAlias(String name, String alias) {
    return Json.field(
        rest.get("registered-models/alias", Map.of("name", name, "alias", alias)),
        "model_version",
        ModelVersion.class);
  }

  /**
   * Registers a new version of a model.
   *
   * @param name the registered model
   * @param source where the model files are, such as {@code runs:/<run>/model} or {@code
   *     models:/<model_id>}
   * @param runId the run that produced it, or null
   * @param modelId the MLflow 3 logged model it registers (required with a {@code models:/}
   *     source), or null
   * @param tags its tags
   * @return the version (its status becomes {@code READY} once registered)
   */
  public ModelVersion createModelVersion(
      String name, String source, String runId, String modelId, List<Tag> tags) {
    return Json.field(
        rest.call(
            POST,
            "model-versions/create",
            body(
                "name",
                name,
                "source",
                source,
                "run_id",
                runId,
                "model_id",
                modelId,
                "tags",
                tags)),
        "model_version",
        ModelVersion.class);
  }

  /**
   * Gets a model version.
   *
   * @param name the registered model
   * @param version the version
   * @return the version
   * @throws MlflowResourceNotFoundException when it does not exist
   */
  public ModelVersion getModelVersion(String name, String version) {
    return Json.field(
        rest.get("model-versions/get", Map.of("name", name, "version", version)),
        "model_version",
        ModelVersion.class);
  }

  /**
   * Searches model versions.
   *
   * @param filter a filter such as {@code name = 'churn'}, or null for all
   * @return the matching versions, fetched page by page
   */
  public PagedIterable<ModelVersion> searchModelVersions(String filter) {
    return MlflowRest.paged(
        token ->
            rest.get(
                "model-versions/search",
                body("filter", filter, "max_results", 10_000, "page_token", token)),
        "model_versions",
        ModelVersion.class);
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
    return Json.field(
        rest.call(
            PATCH,
            "model-versions/update",
            body("name", name, "version", version, "description", description),
            true),
        "model_version",
        ModelVersion.class);
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
    return Json.field(
        rest.call(
            POST,
            "model-versions/transition-stage",
            body(
                "name",
                name,
                "version",
                version,
                "stage",
                stage,
                "archive_existing_versions",
                archiveExistingVersions)),
        "model_version",
        ModelVersion.class);
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
    rest.call(
        POST,
        "model-versions/set-tag",
        body("name", name, "version", version, "key", key, "value", value),
        true);
  }

  /**
   * Deletes a tag of a model version.
   *
   * @param name the registered model
   * @param version the version
   * @param key the tag key
   */
  public void deleteModelVersionTag(String name, String version, String key) {
    rest.call(
        DELETE, "model-versions/delete-tag", body("name", name, "version", version, "key", key));
  }
}
