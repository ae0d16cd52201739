package io.sluice.core.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.sluice.core.SluiceException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns what Jackson reports about a definition's JSON into Sluice's exceptions: the definition
 * checks' own {@link InvalidDefinitionException} unwrapped, anything else a {@link
 * DefinitionFormatException} naming the JSON path and what JSON was expected there, never a Java
 * type.
 */
final class DefinitionJsonErrors {
  private static final Map<Class<?>, String> KINDS =
      Map.ofEntries(
          Map.entry(int.class, "a whole number"),
          Map.entry(Integer.class, "a whole number"),
          Map.entry(long.class, "a whole number"),
          Map.entry(Long.class, "a whole number"),
          Map.entry(double.class, "a number"),
          Map.entry(Double.class, "a number"),
          Map.entry(boolean.class, "true or false"),
          Map.entry(Boolean.class, "true or false"),
          Map.entry(String.class, "a string"));

  private DefinitionJsonErrors() {}

  static SluiceException translate(JsonProcessingException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidDefinitionException invalid) {
        return invalid;
      }
    }
    if (!(e instanceof JsonMappingException mapping)) {
      return new DefinitionFormatException(
          "Not JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    String message = "Not a pipeline definition at " + path(mapping.getPath()) + ": ";
    if (mapping.getCause() instanceof SluiceException cause) {
      return new DefinitionFormatException(message + cause.getMessage(), cause);
    }
    return new DefinitionFormatException(message + problem(mapping));
  }

  private static String problem(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      Collection<Object> known = unknown.getKnownPropertyIds();
      return "unknown property '"
          + unknown.getPropertyName()
          + "'"
          + (known == null
              ? ""
              : "; the properties here are "
                  + String.join(", ", new TreeSet<>(known.stream().map(String::valueOf).toList())));
    }
    if (e instanceof InvalidFormatException format) {
      Object value = format.getValue();
      return (value instanceof String ? "'" + value + "'" : String.valueOf(value))
          + " is not "
          + kind(format.getTargetType());
    }
    if (e instanceof InvalidTypeIdException typeId) {
      return "unknown type '" + typeId.getTypeId() + "'";
    }
    if (e instanceof MismatchedInputException mismatch) {
      return "expected " + kind(mismatch.getTargetType());
    }
    return e.getCause() instanceof NullPointerException
        ? "null is not allowed here"
        : "not a valid value here";
  }

  private static String kind(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (type.isEnum()) {
      return "one of "
          + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return KINDS.getOrDefault(type, "an object");
  }

  /** Jackson's reference chain as a JSON path, e.g. {@code steps[1].inputs[0].mode}. */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the top level" : path.toString();
  }
}
