package io.sluice.core.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;

/**
 * A pipeline parameter and its default. A data path default is {@code {"datastore", "path"}}.
 *
 * @param name the parameter's name
 * @param type its type
 * @param defaultValue its default as JSON
 */
public record ParameterDefinition(String name, ParameterType type, JsonNode defaultValue) {
  /**
   * Gives numbers the node type of the parameter's type, so that a default read back from JSON
   * (where {@code 1000} is an int) equals the one compiled from a {@code Long}. A number the type
   * cannot hold exactly is kept as it is, for the definition checks to refuse with its path.
   */
  public ParameterDefinition {
    if (defaultValue != null && defaultValue.isNumber() && type != null) {
      switch (type) {
        case INTEGER ->
            defaultValue =
                defaultValue.isIntegralNumber() && defaultValue.canConvertToInt()
                    ? IntNode.valueOf(defaultValue.intValue())
                    : defaultValue;
        case LONG ->
            defaultValue =
                defaultValue.isIntegralNumber() && defaultValue.canConvertToLong()
                    ? LongNode.valueOf(defaultValue.longValue())
                    : defaultValue;
        case DOUBLE ->
            defaultValue =
                Double.isFinite(defaultValue.doubleValue())
                    ? DoubleNode.valueOf(defaultValue.doubleValue())
                    : defaultValue;
        default -> {}
      }
    }
  }
}
