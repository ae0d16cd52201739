package io.sluice.azureml.models;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * A job as the service reports it.
 *
 * @param id its ARM id (empty for a child job read from run history)
 * @param name its name, unique in the workspace
 * @param jobType {@code Command}, {@code Pipeline}, {@code Sweep}, ...
 * @param status its status
 * @param displayName the name shown in the studio, or the node name of a child job
 * @param experimentName its experiment
 * @param computeId its compute
 * @param startedAt when it started, when known
 * @param endedAt when it ended, when known
 * @param error why it failed, when it did and the service said
 * @param properties the service's own properties
 */
public record Job(
    String id,
    String name,
    String jobType,
    JobStatus status,
    String displayName,
    String experimentName,
    String computeId,
    Optional<OffsetDateTime> startedAt,
    Optional<OffsetDateTime> endedAt,
    Optional<String> error,
    Map<String, String> properties) {}
