package io.sluice.databricks.models;

/**
 * A saved job.
 *
 * @param jobId its id
 * @param creatorUserName who created it
 * @param createdTime when, in epoch milliseconds
 * @param settings its settings
 * @param nextPageToken set by {@code jobs/get} when more tasks follow
 */
public record Job(
    Long jobId,
    String creatorUserName,
    Long createdTime,
    JobSettings settings,
    String nextPageToken) {}
