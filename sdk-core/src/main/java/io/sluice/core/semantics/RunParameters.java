package io.sluice.core.semantics;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.definition.DataPathDefinition;
import io.sluice.core.definition.ParameterDefinition;
import io.sluice.core.definition.ParameterType;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.DataPath;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's parameter values, typed: each declared parameter's default, replaced by the override
 * given at submission once the override is checked against the declared type. Every transport
 * resolves its parameters here before any side effect, and renders them as text here for argv,
 * widgets and environment variables.
 *
 * <p>Typing: an override must be of the parameter's type or convert to it without loss: a {@code
 * LONG} takes any whole number, an {@code INTEGER} a whole number within {@code int} (never
 * wrapped), a {@code DOUBLE} any finite number, and every type but {@code STRING} takes its text
 * form ({@code "300"}, {@code "0.5"}, {@code "true"}, {@code "datastore:path"}), as configuration
 * files give it. A {@code DATA_PATH} must name a datastore of the pipeline.
 *
 * <p>Rendering: text as is; whole numbers in decimal; a {@code DOUBLE} always with a fraction
 * ({@code 1.0}, never {@code 1}), so a script sees the same text whether the value is the default
 * or an override; booleans as {@code true} or {@code false}; a {@code DATA_PATH} as the location of
 * that datastore path on the step's compute, given by the transport's {@link DataLocationResolver}
 * — the form the step receives its inputs in, as Azure ML v1 passed a {@code DataPath} parameter.
 */
public final class RunParameters {
  private final String pipeline;
  private final Map<String, ParameterDefinition> declared;
  private final Map<String, Object> values;

  private RunParameters(
      String pipeline, Map<String, ParameterDefinition> declared, Map<String, Object> values) {
    this.pipeline = pipeline;
    this.declared = Collections.unmodifiableMap(declared);
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Checks the overrides and resolves every parameter's value.
   *
   * @param definition the pipeline
   * @param overrides values given at submission, by parameter name
   * @return the values, typed
   * @throws ParameterValueException naming the first unknown parameter or ill-typed value, its type
   *     and the fix
   */
  public static RunParameters resolve(PipelineDefinition definition, Map<String, ?> overrides) {
    Map<String, ParameterDefinition> declared = new TreeMap<>();
    definition.parameters().forEach(p -> declared.put(p.name(), p));
    for (String name : new TreeMap<>(overrides).keySet()) {
      if (!declared.containsKey(name)) {
        throw new ParameterValueException(
            name,
            "Parameter '"
                + name
                + "' does not exist in pipeline '"
                + definition.name()
                + "'; known parameters: "
                + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet()))
                + ". Fix the name or remove the override");
      }
    }
    Map<String, Object> values = new TreeMap<>();
    for (ParameterDefinition parameter : declared.values()) {
      Object given = overrides.get(parameter.name());
      values.put(
          parameter.name(),
          given == null ? defaultValue(parameter) : check(definition, parameter, given));
    }
    return new RunParameters(definition.name(), declared, values);
  }

  /**
   * Checks one override against its parameter's type.
   *
   * @param definition the pipeline, whose datastores a data path must name
   * @param parameter the declared parameter
   * @param value the override
   * @return the value in the parameter's Java form: {@code String}, {@code Integer}, {@code Long},
   *     {@code Double}, {@code Boolean} or {@link DataPathDefinition}
   * @throws ParameterValueException naming the parameter, the value, the type and the fix
   */
  public static Object check(
      PipelineDefinition definition, ParameterDefinition parameter, Object value) {
    Object typed = value == null ? null : convert(parameter.type(), value);
    if (typed == null) {
      throw new ParameterValueException(
          parameter.name(),
          "Parameter '"
              + parameter.name()
              + "' is "
              + parameter.type()
              + " but was given "
              + describe(value)
              + "; pass "
              + example(parameter.type()));
    }
    if (typed instanceof DataPathDefinition path
        && definition.datastore(path.datastore()).isEmpty()) {
      throw new ParameterValueException(
          parameter.name(),
          "Parameter '"
              + parameter.name()
              + "' was given the path '"
              + path.path()
              + "' on datastore '"
              + path.datastore()
              + "', which pipeline '"
              + definition.name()
              + "' does not declare; use one of its datastores: "
              + String.join(
                  ", ", definition.datastores().stream().map(d -> d.name()).sorted().toList()));
    }
    return typed;
  }

  /**
   * A parameter's default in its Java form.
   *
   * @param parameter the declared parameter
   * @return its default, typed as {@link #check} types overrides
   */
  public static Object defaultValue(ParameterDefinition parameter) {
    JsonNode node = parameter.defaultValue();
    return switch (parameter.type()) {
      case STRING -> node.asText();
      case INTEGER -> node.intValue();
      case LONG -> node.longValue();
      case DOUBLE -> node.doubleValue();
      case BOOLEAN -> node.booleanValue();
      case DATA_PATH ->
          new DataPathDefinition(node.path("datastore").asText(), node.path("path").asText());
    };
  }

  /**
   * A typed value as the text a step receives in argv, a widget or an environment variable.
   *
   * @param value a value in the Java form {@link #check} returns
   * @param resolver where a data path is on the step's compute
   * @return the text
   */
  public static String render(Object value, DataLocationResolver resolver) {
    if (value instanceof DataPathDefinition path) {
      return resolver.locate(path.datastore(), path.path());
    }
    return value.toString(); // Double.toString keeps the fraction: 1.0
  }

  /**
   * A parameter's value.
   *
   * @param name the parameter's name
   * @return its value, typed
   * @throws ParameterValueException when the pipeline has no such parameter
   */
  public Object value(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new ParameterValueException(
          name,
          "Parameter '"
              + name
              + "' does not exist in pipeline '"
              + pipeline
              + "'; known parameters: "
              + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet()))
              + ". Compile the pipeline again");
    }
    return value;
  }

  /** Returns every parameter's value, typed, by name (sorted). */
  public Map<String, Object> values() {
    return values;
  }

  /**
   * Every parameter's value as text.
   *
   * @param resolver where a data path is on the step's compute
   * @return the texts by parameter name (sorted)
   */
  public Map<String, String> texts(DataLocationResolver resolver) {
    Map<String, String> texts = new TreeMap<>();
    values.forEach((name, value) -> texts.put(name, render(value, resolver)));
    return Collections.unmodifiableMap(texts);
  }

  private static Object convert(ParameterType type, Object value) {
    return switch (type) {
      case STRING -> value instanceof String s ? s : null;
      case INTEGER -> {
        Long whole = whole(value);
        yield whole != null && whole == whole.intValue() ? Integer.valueOf(whole.intValue()) : null;
      }
      case LONG -> whole(value);
      case DOUBLE -> decimal(value);
      case BOOLEAN ->
          value instanceof Boolean b
              ? b
              : (value instanceof String s
                      && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")))
                  ? Boolean.valueOf(s.toLowerCase(Locale.ROOT))
                  : null;
      case DATA_PATH ->
          value instanceof DataPathDefinition p
              ? p
              : value instanceof DataPath p
                  ? new DataPathDefinition(p.datastore().name(), p.pathOnDatastore())
                  : value instanceof String s && s.indexOf(':') > 0
                      ? new DataPathDefinition(
                          s.substring(0, s.indexOf(':')), s.substring(s.indexOf(':') + 1))
                      : null;
    };
  }

  /** A whole number from an integral type or its decimal text; null otherwise or out of range. */
  private static Long whole(Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof String s && s.matches("[-+]?\\d{1,19}")) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return null; // beyond long
      }
    }
    return null;
  }

  /** A finite double from any number or its decimal text; null otherwise. */
  private static Double decimal(Object value) {
    Double number = null;
    if (value instanceof Double || value instanceof Float) {
      number = ((Number) value).doubleValue();
    } else if (whole(value) != null) {
      number = whole(value).doubleValue();
    } else if (value instanceof String text) {
      try {
        number = Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return number != null && Double.isFinite(number) ? number : null;
  }

  private static String describe(Object value) {
    return value == null ? "null" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
  }

  private static String example(ParameterType type) {
    return switch (type) {
      case STRING -> "a String";
      case INTEGER ->
          "an Integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", e.g. 300";
      case LONG -> "a Long (or any whole number), e.g. 300";
      case DOUBLE -> "a finite Double (or any number), e.g. 0.5";
      case BOOLEAN -> "a Boolean, or the text true or false";
      case DATA_PATH -> "a DataPath (datastore.path(\"...\")) or the text datastore:path";
    };
  }
}
