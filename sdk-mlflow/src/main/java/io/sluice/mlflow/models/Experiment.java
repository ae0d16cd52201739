package io.sluice.mlflow.models;

import java.util.List;

/**
 * An experiment: a named group of runs.
 *
 * @param experimentId the server-assigned id
 * @param name the unique name
 * @param artifactLocation where the experiment's runs store artifacts
 * @param lifecycleStage {@code active} or {@code deleted}
 * @param creationTime when it was created, in milliseconds since the epoch
 * @param lastUpdateTime when it last changed, in milliseconds since the epoch
 * @param tags its tags
 */
public record Experiment(
    String experimentId,
    String name,
    String artifactLocation,
    String lifecycleStage,
    Long creationTime,
    Long lastUpdateTime,
    List<Tag> tags) {}
