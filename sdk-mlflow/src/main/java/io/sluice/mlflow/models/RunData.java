package io.sluice.mlflow.models;

import java.util.List;

/**
 * What a run logged: the latest value of each metric, its params and tags.
 *
 * @param metrics the latest point of each metric
 * @param params the params
 * @param tags the tags
 */
public record RunData(List<Metric> metrics, List<Param> params, List<Tag> tags) {}
