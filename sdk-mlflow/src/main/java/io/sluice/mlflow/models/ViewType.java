package io.sluice.mlflow.models;

/** Which experiments or runs a search returns, by lifecycle stage. */
public enum ViewType {
  /** Only active ones (the default). */
  ACTIVE_ONLY,
  /** Only deleted ones. */
  DELETED_ONLY,
  /** Both. */
  ALL
}
