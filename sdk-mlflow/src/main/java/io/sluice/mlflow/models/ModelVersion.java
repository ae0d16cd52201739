package io.sluice.mlflow.models;

import java.util.List;

/**
 * One version of a registered model.
 *
 * @param name the registered model's name
 * @param version the version number, as a string
 * @param creationTimestamp when it was created, in milliseconds since the epoch
 * @param lastUpdatedTimestamp when it last changed, in milliseconds since the epoch
 * @param currentStage its stage: {@code None}, {@code Staging}, {@code Production} or {@code
 *     Archived}
 * @param description its description
 * @param source where the model's files are, for example {@code models:/m-123} or a run artifact
 *     URI
 * @param runId the run that produced it, or null
 * @param status {@code READY} once registered
 * @param statusMessage details of the status
 * @param tags its tags
 * @param aliases the aliases pointing at it
 */
public record ModelVersion(
    String name,
    String version,
    Long creationTimestamp,
    Long lastUpdatedTimestamp,
    String currentStage,
    String description,
    String source,
    String runId,
    String status,
    String statusMessage,
    List<Tag> tags,
    List<String> aliases) {}
