package io.sluice.databricks.management;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.testing.ExternalFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Microsoft's ARM specification of {@code Microsoft.Databricks}, read from the shared specs folder
 * (never copied into the project) with {@code x-ms-examples} dropped, as a request validator.
 */
final class ArmSpec {
  private static final ExternalFolder SPECS =
      ExternalFolder.of("sluice.specs.dir", "../shared/specs");
  private static final String FILE =
      "specification/databricks/resource-manager/Microsoft.Databricks/Databricks/stable/2026-01-01/databricks.json";

  private ArmSpec() {}

  /**
   * Copies the spec tree to {@code target} without examples and builds a validator over it; skips
   * the test (fails it under {@code CI=true}) when the specs are absent.
   */
  static OpenApiInteractionValidator validator(Path target) {
    SPECS.require("databricks-arm/" + FILE);
    Path source = SPECS.path().resolve("databricks-arm");
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json"))::iterator) {
        Path copy = target.resolve(source.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        JsonNode node = json.readTree(file.toFile());
        strip(node);
        json.writeValue(copy.toFile(), node);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // allOf (TrackedResource) must be merged, or location and tags read as unknown properties.
    return OpenApiInteractionValidator.createFor(target.resolve(FILE).toUri().toString())
        .withResolveRefs(true)
        .withResolveCombinators(true)
        .build();
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("x-ms-examples");
      object.forEach(ArmSpec::strip);
    } else if (node.isArray()) {
      node.forEach(ArmSpec::strip);
    }
  }

  static ValidationReport validate(
      OpenApiInteractionValidator validator,
      String method,
      String path,
      String query,
      String body) {
    SimpleRequest.Builder builder =
        new SimpleRequest.Builder(Request.Method.valueOf(method), path)
            .withHeader("Authorization", "Bearer test")
            .withHeader("Content-Type", "application/json");
    for (String pair : query.split("&", -1)) {
      String[] kv = pair.split("=", 2);
      builder.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
    }
    if (body != null && !body.isEmpty()) {
      builder.withBody(body);
    }
    return validator.validateRequest(builder.build());
  }
}
