package io.sluice.core.definition;

/** How a step's output reaches its datastore, as Azure ML's {@code output_mode}. */
public enum OutputMode {
  /** The step writes to a mounted location. */
  MOUNT,
  /** The step writes locally; the output is uploaded when it ends successfully. */
  UPLOAD
}
