package io.sluice.core.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.SluiceException;
import io.sluice.core.definition.ParameterDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.DataPath;
import io.sluice.core.model.ParameterType;
import java.util.Map;
import java.util.TreeMap;

/** A run's parameter values as text: defaults, replaced by the values given at submission. */
final class ParameterValues {
  private ParameterValues() {}

  static Map<String, String> resolve(PipelineDefinition definition, Map<String, Object> given) {
    Map<String, ParameterDefinition> known = new TreeMap<>();
    definition.parameters().forEach(p -> known.put(p.name(), p));
    for (String name : given.keySet()) {
      if (!known.containsKey(name)) {
        throw new SluiceException(
            "Pipeline parameter '"
                + name
                + "' does not exist in pipeline '"
                + definition.name()
                + "'; known parameters: "
                + (known.isEmpty() ? "none" : String.join(", ", known.keySet())));
      }
    }
    Map<String, String> values = new TreeMap<>();
    for (ParameterDefinition parameter : known.values()) {
      Object value = given.get(parameter.name());
      values.put(
          parameter.name(),
          value == null ? text(parameter.defaultValue()) : checked(parameter, value));
    }
    return values;
  }

  private static String text(JsonNode value) {
    return value.isObject()
        ? value.get("datastore").asText() + ":" + value.get("path").asText()
        : value.asText();
  }

  private static String checked(ParameterDefinition parameter, Object value) {
    ParameterType type = parameter.type();
    boolean fits =
        type.javaType().isInstance(value)
            || (type == ParameterType.LONG && value instanceof Integer)
            || (type == ParameterType.DOUBLE && value instanceof Number);
    if (!fits) {
      throw new SluiceException(
          "Pipeline parameter '"
              + parameter.name()
              + "' is "
              + type
              + " but was given "
              + value
              + " ("
              + value.getClass().getSimpleName()
              + "); pass a value of type "
              + type.javaType().getSimpleName());
    }
    return value instanceof DataPath path ? path.datastore().name() + ":" + path.pathOnDatastore() : value.toString();
  }

}
