package io.sluice.core.model;

import java.util.Arrays;
import java.util.Optional;

/** The value types a {@link PipelineParameter} can have. */
public enum ParameterType {
  /** Text. */
  STRING(String.class),
  /** A 32-bit whole number. */
  INTEGER(Integer.class),
  /** A 64-bit whole number. */
  LONG(Long.class),
  /** A floating-point number. */
  DOUBLE(Double.class),
  /** True or false. */
  BOOLEAN(Boolean.class),
  /** A path on a datastore. */
  DATA_PATH(DataPath.class);

  private final Class<?> javaType;

  ParameterType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** @return the Java type of values of this type */
  public Class<?> javaType() {
    return javaType;
  }

  /**
   * The parameter type of a Java value.
   *
   * @param value the value
   * @return its type, if it is one parameters can have
   */
  public static Optional<ParameterType> of(Object value) {
    return Arrays.stream(values()).filter(t -> t.javaType.isInstance(value)).findFirst();
  }
}
