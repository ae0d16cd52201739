package io.sluice.core.definition;

/** The type of a column of a tabular dataset. */
public enum ColumnType {
  /** Text. */
  STRING,
  /** A whole number. */
  INTEGER,
  /** A floating-point number. */
  DOUBLE,
  /** True or false. */
  BOOLEAN,
  /** A date and time. */
  DATETIME
}
