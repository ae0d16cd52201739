package io.sluice.mlflow.models;

/**
 * The metadata of a run.
 *
 * @param runId the server-assigned id
 * @param runName the display name
 * @param experimentId the experiment it belongs to
 * @param userId who created it
 * @param status its status
 * @param startTime when it started, in milliseconds since the epoch
 * @param endTime when it ended, in milliseconds since the epoch, or null while running
 * @param artifactUri where its artifacts are stored, e.g. {@code
 *     mlflow-artifacts:/1/<id>/artifacts}
 * @param lifecycleStage {@code active} or {@code deleted}
 */
public record RunInfo(
    String runId,
    String runName,
    String experimentId,
    String userId,
    RunStatus status,
    Long startTime,
    Long endTime,
    String artifactUri,
    String lifecycleStage) {}
