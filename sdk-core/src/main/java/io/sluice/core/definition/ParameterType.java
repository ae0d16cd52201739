package io.sluice.core.definition;

/**
 * The value types a pipeline parameter can have. The Java type of each is the model's concern
 * ({@code io.sluice.core.model.ParameterTypes}); the definition only names it.
 */
public enum ParameterType {
  /** Text. */
  STRING,
  /** A 32-bit whole number. */
  INTEGER,
  /** A 64-bit whole number. */
  LONG,
  /** A floating-point number. */
  DOUBLE,
  /** True or false. */
  BOOLEAN,
  /** A path on a datastore. */
  DATA_PATH
}
