package io.sluice.core.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * Checks that each parameter's default is a JSON value of its type and in its range: a number too
 * large for an {@code INTEGER} is refused, never wrapped.
 */
final class ParameterDefaults {
  private ParameterDefaults() {}

  static void check(
      int index, ParameterDefinition parameter, NameIndex datastores, DefinitionProblems problems) {
    String path = "parameters[" + index + "]";
    ParameterType type = parameter.type();
    if (type == null) {
      problems.add(
          path + ".type", "type is missing; use one of " + Arrays.toString(ParameterType.values()));
      return;
    }
    JsonNode value = parameter.defaultValue();
    String at = path + ".defaultValue";
    if (value == null || value.isNull()) {
      problems.add(
          at,
          "the "
              + type
              + " parameter "
              + DefinitionProblems.show(parameter.name())
              + " has no default; give it one");
      return;
    }
    String problem =
        switch (type) {
          case STRING -> value.isTextual() ? null : "is not a string; quote it";
          case BOOLEAN -> value.isBoolean() ? null : "is not true or false";
          case INTEGER ->
              !value.isIntegralNumber()
                  ? "is not a whole number"
                  : value.canConvertToInt()
                      ? null
                      : "is outside the INTEGER range "
                          + Integer.MIN_VALUE
                          + " to "
                          + Integer.MAX_VALUE
                          + "; use a LONG parameter or a smaller value";
          case LONG ->
              !value.isIntegralNumber()
                  ? "is not a whole number"
                  : value.canConvertToLong()
                      ? null
                      : "is outside the LONG range "
                          + Long.MIN_VALUE
                          + " to "
                          + Long.MAX_VALUE
                          + "; use a smaller value";
          case DOUBLE ->
              !value.isNumber()
                  ? "is not a number"
                  : Double.isFinite(value.doubleValue())
                      ? null
                      : "is outside the DOUBLE range; use a smaller value";
          case DATA_PATH -> dataPath(value, datastores);
        };
    if (problem != null) {
      problems.add(
          at,
          "the "
              + type
              + " default "
              + value
              + " of parameter "
              + DefinitionProblems.show(parameter.name())
              + " "
              + problem);
    }
  }

  private static String dataPath(JsonNode value, NameIndex datastores) {
    if (!value.isObject()
        || !value.path("datastore").isTextual()
        || !value.path("path").isTextual()
        || value.size() != 2) {
      return "is not {\"datastore\": name, \"path\": path}; give exactly those two strings";
    }
    String datastore = value.get("datastore").asText();
    return datastores.contains(datastore)
        ? null
        : "names datastore '" + datastore + "', which is not in datastores; add it to datastores";
  }
}
