/**
 * What the MLflow tracking server and model registry return and accept: experiments, runs, metrics,
 * params, tags, datasets, registered models, model versions, logged models and artifact listings,
 * in the shape of the MLflow REST protocol.
 *
 * <p>Values are immutable records; lists are never null (an absent list is empty).
 */
package io.sluice.mlflow.models;
