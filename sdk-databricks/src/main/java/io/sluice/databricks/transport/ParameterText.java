package io.sluice.databricks.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.SluiceException;
import io.sluice.core.definition.ParameterDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.model.DataPath;
import java.util.Map;
import java.util.TreeMap;

/** A run's parameter values as the text widgets and argv carry: defaults, replaced by given values. */
final class ParameterText {
  private ParameterText() {}

  static Map<String, String> resolve(PipelineDefinition definition, Map<String, Object> given, DataLocations locations) {
    Map<String, String> values = new TreeMap<>();
    for (ParameterDefinition parameter : definition.parameters()) {
      Object value = given.get(parameter.name());
      values.put(parameter.name(), value == null ? text(parameter.defaultValue(), locations) : text(value, locations));
    }
    for (String name : given.keySet()) {
      if (!values.containsKey(name)) {
        throw new SluiceException("Pipeline parameter '" + name + "' does not exist in pipeline '" + definition.name()
            + "'; known parameters: " + (values.isEmpty() ? "none" : String.join(", ", values.keySet())));
      }
    }
    return values;
  }

  private static String text(JsonNode value, DataLocations locations) {
    return value.isObject()
        ? locations.onDatastore(value.get("datastore").asText(), value.get("path").asText())
        : value.asText();
  }

  private static String text(Object value, DataLocations locations) {
    return value instanceof DataPath path
        ? locations.onDatastore(path.datastore().name(), path.pathOnDatastore())
        : value.toString();
  }
}
