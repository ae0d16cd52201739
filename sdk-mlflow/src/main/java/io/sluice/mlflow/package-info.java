/**
 * An MLflow tracking and model registry client: {@link io.sluice.mlflow.MlflowClientBuilder} builds
 * an {@link io.sluice.mlflow.MlflowClient}; {@link io.sluice.mlflow.MlflowRunLogger} logs
 * asynchronously in batches; {@link io.sluice.mlflow.ActiveRun} ends a run with the right status.
 */
package io.sluice.mlflow;
