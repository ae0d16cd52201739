package io.sluice.databricks.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The life cycle of a run or task. */
public enum RunLifeCycleState {
  /** Waiting in the queue. */
  QUEUED,
  /** Starting: acquiring compute. */
  PENDING,
  /** Running. */
  RUNNING,
  /** Finishing. */
  TERMINATING,
  /** Ended; see the result state. Terminal. */
  TERMINATED,
  /** Not run because an earlier run was still active. Terminal. */
  SKIPPED,
  /** The Jobs service failed. Terminal. */
  INTERNAL_ERROR,
  /** Waiting for an upstream dependency. */
  BLOCKED,
  /** Waiting before a retry. */
  WAITING_FOR_RETRY,
  /** A state this client does not know yet. */
  @JsonEnumDefaultValue
  UNKNOWN;

  /** Returns true when the run or task has ended. */
  public boolean isTerminal() {
    return this == TERMINATED || this == SKIPPED || this == INTERNAL_ERROR;
  }
}
