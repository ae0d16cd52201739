package io.sluice.azureml.implementation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON helpers for ARM bodies: absent values are left out rather than sent as null. */
public final class ArmJson {
  /** The mapper every ARM body goes through. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ArmJson() {}

  /** Serialises a JSON tree; a tree always serialises, so a failure is a bug. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree did not serialise", e);
    }
  }

  /** Returns a new empty object. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Puts a string unless it is null; ARM treats an explicit null differently from absence. */
  public static ObjectNode put(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
    return node;
  }

  /** Puts a number unless it is null. */
  public static ObjectNode put(ObjectNode node, String field, Integer value) {
    if (value != null) {
      node.put(field, value);
    }
    return node;
  }

  /** Puts a string map unless it is null or empty. */
  public static ObjectNode putMap(ObjectNode node, String field, Map<String, String> values) {
    if (values != null && !values.isEmpty()) {
      ObjectNode map = node.putObject(field);
      values.forEach(map::put);
    }
    return node;
  }

  /** A text field, or null when absent. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A string map field, empty when absent. */
  public static Map<String, String> map(JsonNode node, String field) {
    Map<String, String> result = new LinkedHashMap<>();
    JsonNode value = node == null ? null : node.get(field);
    if (value != null && value.isObject()) {
      value.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
    }
    return result;
  }

  /** The {@code properties} object of an ARM resource, or an empty object. */
  public static JsonNode properties(JsonNode resource) {
    JsonNode properties = resource == null ? null : resource.get("properties");
    return properties == null ? object() : properties;
  }
}
