package io.sluice.mlflow.models;

/** The state a logged model is finalized to once its files are uploaded (or failed to). */
public enum LoggedModelStatus {
  /** Its files are complete. */
  LOGGED_MODEL_READY,
  /** Uploading its files failed. */
  LOGGED_MODEL_UPLOAD_FAILED
}
