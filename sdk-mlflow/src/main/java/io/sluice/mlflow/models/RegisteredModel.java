package io.sluice.mlflow.models;

import java.util.List;

/**
 * A named model in the registry, with its versions.
 *
 * @param name the unique name
 * @param creationTimestamp when it was created, in milliseconds since the epoch
 * @param lastUpdatedTimestamp when it last changed, in milliseconds since the epoch
 * @param description its description
 * @param latestVersions the latest version per stage
 * @param tags its tags
 * @param aliases its aliases
 */
public record RegisteredModel(
    String name,
    Long creationTimestamp,
    Long lastUpdatedTimestamp,
    String description,
    List<ModelVersion> latestVersions,
    List<Tag> tags,
    List<RegisteredModelAlias> aliases) {}
