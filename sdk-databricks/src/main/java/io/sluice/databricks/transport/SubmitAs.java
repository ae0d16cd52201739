package io.sluice.databricks.transport;

import java.util.Locale;

/** How the {@code databricks} transport submits a pipeline: its {@code submitAs} setting. */
public enum SubmitAs {
  /**
   * A one-time {@code runs/submit}, where every task has its own cluster since a one-time run
   * cannot share one; the default.
   */
  RUN,
  /**
   * A saved job named after the run, whose tasks share a job cluster wherever their specs are
   * equal, run with {@code run-now}.
   */
  JOB;

  /** Returns the value of the {@code submitAs} key, {@code run} or {@code job}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
