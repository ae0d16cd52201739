package io.sluice.databricks.models;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** A notebook's language. */
public enum Language {
  /** Python. */
  PYTHON,
  /** Scala. */
  SCALA,
  /** SQL. */
  SQL,
  /** R. */
  R,
  /** A language this client does not know yet. */
  @JsonEnumDefaultValue
  UNKNOWN
}
