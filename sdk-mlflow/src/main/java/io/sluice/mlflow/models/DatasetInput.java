package io.sluice.mlflow.models;

import java.util.List;

/**
 * A dataset used as a run input, with tags such as {@code mlflow.data.context=training}.
 *
 * @param tags the input tags
 * @param dataset the dataset
 */
public record DatasetInput(List<Tag> tags, Dataset dataset) {}
