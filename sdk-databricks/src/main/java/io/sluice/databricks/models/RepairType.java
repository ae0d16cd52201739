package io.sluice.databricks.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What an item of a run's repair history is. */
public enum RepairType {
  /** The run as first started. */
  ORIGINAL,
  /** A repair of it ({@code runs/repair}). */
  REPAIR,
  /** A type this client does not know yet. */
  @JsonEnumDefaultValue
  UNKNOWN
}
