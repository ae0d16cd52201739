package io.sluice.mlflow.models;

import java.util.List;

/**
 * The metadata of an MLflow 3 logged model.
 *
 * @param modelId the server-assigned id, {@code m-…}
 * @param experimentId the experiment it belongs to
 * @param name its name
 * @param creationTimestampMs when it was created, in milliseconds since the epoch
 * @param lastUpdatedTimestampMs when it last changed, in milliseconds since the epoch
 * @param artifactUri where its files are stored
 * @param status {@code LOGGED_MODEL_PENDING}, {@code LOGGED_MODEL_READY} or {@code
 *     LOGGED_MODEL_UPLOAD_FAILED}
 * @param creatorId who created it
 * @param modelType a free-form type, for example {@code agent}
 * @param sourceRunId the run that produced it, or null
 * @param statusMessage details of the status
 * @param tags its tags
 */
public record LoggedModelInfo(
    String modelId,
    String experimentId,
    String name,
    Long creationTimestampMs,
    Long lastUpdatedTimestampMs,
    String artifactUri,
    String status,
    String creatorId,
    String modelType,
    String sourceRunId,
    String statusMessage,
    List<Tag> tags) {}
