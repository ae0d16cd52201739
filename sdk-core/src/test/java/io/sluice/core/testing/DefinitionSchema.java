package io.sluice.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.sluice.core.definition.PipelineDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The shipped JSON Schema of pipeline definitions, for validating JSON in tests. */
public final class DefinitionSchema {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private DefinitionSchema() {}

  private static JsonSchema load() {
    try (InputStream in =
        PipelineDefinition.class.getResourceAsStream(PipelineDefinition.SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no schema at " + PipelineDefinition.SCHEMA_RESOURCE);
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates JSON against the schema.
   *
   * @param json a definition's JSON
   * @return the schema's complaints, sorted; empty when valid
   */
  public static List<String> errors(String json) {
    try {
      return errors(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates a JSON tree against the schema.
   *
   * @param json a definition as a tree
   * @return the schema's complaints, sorted; empty when valid
   */
  public static List<String> errors(JsonNode json) {
    return SCHEMA.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
