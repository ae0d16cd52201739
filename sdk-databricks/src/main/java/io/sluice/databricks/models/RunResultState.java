package io.sluice.databricks.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The outcome of a terminated run or task. */
public enum RunResultState {
  /** Succeeded. */
  SUCCESS,
  /** Failed. */
  FAILED,
  /** Stopped by its time limit. */
  TIMEDOUT,
  /** Canceled. */
  CANCELED,
  /** Not run: too many concurrent runs. */
  MAXIMUM_CONCURRENT_RUNS_REACHED,
  /** Excluded by a condition. */
  EXCLUDED,
  /** Succeeded, but some tasks failed. */
  SUCCESS_WITH_FAILURES,
  /** Not run: an upstream task failed. */
  UPSTREAM_FAILED,
  /** Not run: an upstream task was canceled. */
  UPSTREAM_CANCELED,
  /** Disabled. */
  DISABLED,
  /** An outcome this client does not know yet. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /** Returns true for {@link #SUCCESS}. */
  public boolean isSuccess() {
    return this == SUCCESS;
  }
}
