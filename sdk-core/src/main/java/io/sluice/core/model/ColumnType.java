package io.sluice.core.model;

/** The type of a column of a {@link TabularDataset}. */
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
