package io.sluice.core.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.model.ParameterType;

/**
 * A pipeline parameter and its default. A data path default is {@code {"datastore", "path"}}.
 *
 * @param name the parameter's name
 * @param type its type
 * @param defaultValue its default as JSON
 */
public record ParameterDefinition(String name, ParameterType type, JsonNode defaultValue) {}
