package io.sluice.core.model;

import io.sluice.core.definition.ParameterType;
import java.util.Arrays;
import java.util.Optional;

/** The Java type of each {@link ParameterType}: what a parameter's values are in the model. */
public final class ParameterTypes {
  private ParameterTypes() {}

  /**
   * The Java type of values of a parameter type.
   *
   * @param type the parameter type
   * @return its Java type: String, Integer, Long, Double, Boolean or {@link DataPath}
   */
  public static Class<?> javaType(ParameterType type) {
    return switch (type) {
      case STRING -> String.class;
      case INTEGER -> Integer.class;
      case LONG -> Long.class;
      case DOUBLE -> Double.class;
      case BOOLEAN -> Boolean.class;
      case DATA_PATH -> DataPath.class;
    };
  }

  /**
   * The parameter type of a Java value.
   *
   * @param value the value
   * @return its type, if it is one parameters can have
   */
  public static Optional<ParameterType> of(Object value) {
    return Arrays.stream(ParameterType.values())
        .filter(t -> javaType(t).isInstance(value))
        .findFirst();
  }
}
