package io.sluice.core.model;

import io.sluice.core.definition.ParameterType;
import io.sluice.core.implementation.ModelChecks;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A value chosen when a pipeline is submitted, with a typed default. Unlike Azure ML v1, a
 * parameter of any type works wherever a value does, including a {@link DatabricksStep}'s script
 * parameters.
 *
 * @param <T> the value type: String, Integer, Long, Double, Boolean or {@link DataPath}
 */
public final class PipelineParameter<T> {
  private final String name;
  private final ParameterType type;
  private final T defaultValue;

  private PipelineParameter(String name, ParameterType type, T defaultValue) {
    ModelChecks.word("PipelineParameter", "name", name);
    String owner = "PipelineParameter '" + name + "'";
    ModelChecks.check(defaultValue != null, owner, "defaultValue", null, "give a default value");
    if (defaultValue instanceof String s) {
      ModelChecks.check(
          !s.contains("\n"), owner, "defaultValue", s, "use a single line (no line breaks)");
    }
    this.name = name;
    this.type = type;
    this.defaultValue = defaultValue;
  }

  /**
   * A parameter whose type is that of its default.
   *
   * @param name the name ({@code \w+})
   * @param defaultValue the default: a String, Integer, Long, Double, Boolean or DataPath
   * @param <T> the value type
   * @return the parameter
   */
  public static <T> PipelineParameter<T> of(String name, T defaultValue) {
    ParameterType type =
        ParameterTypes.of(defaultValue)
            .orElseThrow(
                () ->
                    ModelChecks.invalid(
                        "PipelineParameter '" + name + "'",
                        "defaultValue",
                        defaultValue == null ? null : defaultValue.getClass().getSimpleName(),
                        "use one of "
                            + Arrays.stream(ParameterType.values())
                                .map(t -> ParameterTypes.javaType(t).getSimpleName())
                                .collect(Collectors.joining(", "))));
    return new PipelineParameter<>(name, type, defaultValue);
  }

  /** Returns the name. */
  public String name() {
    return name;
  }

  /** Returns the value type. */
  public ParameterType type() {
    return type;
  }

  /** Returns the default value. */
  public T defaultValue() {
    return defaultValue;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PipelineParameter<?> p
        && p.name.equals(name)
        && p.type == type
        && p.defaultValue.equals(defaultValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, defaultValue);
  }

  @Override
  public String toString() {
    return "PipelineParameter{" + name + ": " + type + " = " + defaultValue + "}";
  }
}
