package io.sluice.core.definition;

/** How a step sees an input on its compute, as Azure ML's consumption modes. */
public enum InputMode {
  /** The data is mounted (locally: a folder the step reads in place). */
  MOUNT,
  /** The data is copied to the compute before the step starts. */
  DOWNLOAD,
  /** The step receives the data's URI and reads it itself. */
  DIRECT
}
