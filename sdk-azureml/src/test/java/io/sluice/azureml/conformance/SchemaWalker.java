package io.sluice.azureml.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Walks a JSON body against a swagger 2.0 schema, ARM style: {@code allOf} inheritance,
 * discriminated subtypes found by {@code x-ms-discriminator-value}, required and read-only
 * properties, types and enums, and no property the schema does not declare.
 */
final class SchemaWalker {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A schema together with the document its {@code $ref}s are relative to. */
  private record Located(JsonNode schema, JsonNode document, String documentUri) {}

  private final JsonNode root;
  // Tests running side by side check their requests at the same time.
  private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();

  SchemaWalker(JsonNode root) {
    this.root = root;
  }

  void walk(JsonNode schema, JsonNode value, String path, List<String> problems) {
    walk(new Located(schema, root, null), value, path, problems);
  }

  private void walk(Located located, JsonNode value, String path, List<String> problems) {
    Located schema = resolve(located);
    JsonNode s = schema.schema();
    if (value == null || value.isNull()) {
      return;
    }
    String type = s.path("type").asText("");
    if (!type.isEmpty() && !typeMatches(type, value)) {
      problems.add(path + ": is " + value.getNodeType() + ", the swagger says " + type);
      return;
    }
    if (s.has("enum") && value.isTextual()) {
      boolean known = false;
      for (JsonNode option : s.get("enum")) {
        known |= option.asText().equals(value.asText());
      }
      if (!known) {
        problems.add(path + ": '" + value.asText() + "' is not one of " + s.get("enum"));
      }
    }
    if (value.isArray() && s.has("items")) {
      int i = 0;
      for (JsonNode item : value) {
        walk(
            new Located(s.get("items"), schema.document(), schema.documentUri()),
            item,
            path + "[" + i++ + "]",
            problems);
      }
      return;
    }
    if (!value.isObject()) {
      return;
    }
    Located concrete = subtype(schema, value, path, problems);
    Map<String, Located> properties = new LinkedHashMap<>();
    java.util.Set<String> required = new java.util.TreeSet<>();
    collect(concrete, properties, required);
    boolean declaresProperties = !properties.isEmpty();
    JsonNode additional = concrete.schema().get("additionalProperties");
    for (String name : required) {
      if (!value.has(name)) {
        problems.add(path + ": required property '" + name + "' is missing");
      }
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      Located property = properties.get(field.getKey());
      String where = path + "." + field.getKey();
      if (property != null) {
        if (resolve(property).schema().path("readOnly").asBoolean(false)) {
          problems.add(where + ": is read-only and may not be sent");
        }
        walk(property, field.getValue(), where, problems);
      } else if (additional != null && additional.isObject()) {
        walk(
            new Located(additional, concrete.document(), concrete.documentUri()),
            field.getValue(),
            where,
            problems);
      } else if (declaresProperties && (additional == null || !additional.asBoolean(true))) {
        problems.add(where + ": the swagger declares no such property");
      }
    }
  }

  /** The subtype a discriminator value names, or the schema itself. */
  private Located subtype(Located schema, JsonNode value, String path, List<String> problems) {
    String discriminator = discriminator(schema);
    if (discriminator == null || !value.has(discriminator)) {
      return schema;
    }
    String wanted = value.get(discriminator).asText();
    String own = ownValue(schema);
    if (wanted.equals(own)) {
      return schema;
    }
    String base = name(schema);
    for (Map.Entry<String, JsonNode> entry : schema.document().path("definitions").properties()) {
      Located candidate = new Located(entry.getValue(), schema.document(), schema.documentUri());
      String candidateValue = ownValue(candidate) != null ? ownValue(candidate) : entry.getKey();
      if (candidateValue.equals(wanted) && inherits(candidate, base)) {
        return candidate;
      }
    }
    problems.add(path + "." + discriminator + ": '" + wanted + "' names no subtype of " + base);
    return schema;
  }

  private String ownValue(Located schema) {
    JsonNode v = schema.schema().get("x-ms-discriminator-value");
    return v == null ? null : v.asText();
  }

  // Identity, not equality: the definition that is this very node, not one that looks the same.
  @SuppressWarnings("ReferenceEquality")
  private String name(Located schema) {
    for (Map.Entry<String, JsonNode> entry : schema.document().path("definitions").properties()) {
      if (entry.getValue() == schema.schema()) {
        return entry.getKey();
      }
    }
    return "?";
  }

  private boolean inherits(Located candidate, String base) {
    for (JsonNode parent : candidate.schema().path("allOf")) {
      String ref = parent.path("$ref").asText("");
      if (ref.equals("#/definitions/" + base)) {
        return true;
      }
      if (ref.startsWith("#/definitions/")
          && inherits(
              resolve(new Located(parent, candidate.document(), candidate.documentUri())), base)) {
        return true;
      }
    }
    return false;
  }

  private String discriminator(Located schema) {
    if (schema.schema().has("discriminator")) {
      return schema.schema().get("discriminator").asText();
    }
    for (JsonNode parent : schema.schema().path("allOf")) {
      String found =
          discriminator(resolve(new Located(parent, schema.document(), schema.documentUri())));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private void collect(
      Located schema, Map<String, Located> properties, java.util.Set<String> required) {
    Located s = resolve(schema);
    s.schema()
        .path("properties")
        .properties()
        .forEach(
            e ->
                properties.putIfAbsent(
                    e.getKey(), new Located(e.getValue(), s.document(), s.documentUri())));
    s.schema().path("required").forEach(r -> required.add(r.asText()));
    for (JsonNode parent : s.schema().path("allOf")) {
      collect(new Located(parent, s.document(), s.documentUri()), properties, required);
    }
  }

  private Located resolve(Located located) {
    Located current = located;
    for (int depth = 0; depth < 32 && current.schema().has("$ref"); depth++) {
      String ref = current.schema().get("$ref").asText();
      int hash = ref.indexOf('#');
      String file = hash < 0 ? ref : ref.substring(0, hash);
      String fragment = hash < 0 ? "" : ref.substring(hash + 1);
      JsonNode document = current.document();
      String documentUri = current.documentUri();
      if (!file.isEmpty()) {
        documentUri = documentUri == null ? file : URI.create(documentUri).resolve(file).toString();
        document = document(documentUri);
      }
      current = new Located(document.at(fragment), document, documentUri);
    }
    return current;
  }

  private JsonNode document(String uri) {
    return documents.computeIfAbsent(
        uri,
        u -> {
          try {
            return MAPPER.readTree(Path.of(URI.create(u)).toFile());
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + u, e);
          }
        });
  }

  private static boolean typeMatches(String type, JsonNode value) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      default -> true;
    };
  }
}
