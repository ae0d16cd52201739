package io.sluice.azureml.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.testing.ExternalFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Checks recorded ARM requests against Microsoft's Azure ML swagger (stable 2026-07-01) in {@code
 * ../shared/specs} (or {@code -Dsluice.specs.dir}): method, path, {@code api-version} and body,
 * with swagger-request-validator. On top of it, because that validator neither resolves ARM's
 * {@code x-ms-discriminator-value} polymorphism nor rejects unknown fields, each body is walked
 * against the spec here: every property must be declared by its schema (following {@code allOf} and
 * the discriminated subtype), every discriminator value must name a subtype, and a pipeline job's
 * untyped child jobs are checked against {@code CommandJob}.
 */
public final class SwaggerConformance {
  private static final ExternalFolder SPECS =
      ExternalFolder.of("sluice.specs.dir", "../shared/specs");
  private static final String SPEC =
      "azureml/specification/machinelearningservices/resource-manager/"
          + "Microsoft.MachineLearningServices/MachineLearningServices/stable/2026-07-01/openapi.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static SwaggerConformance instance;

  private final OpenApiInteractionValidator validator;
  private final JsonNode spec;
  private final SchemaWalker walker;
  private final AtomicInteger validated = new AtomicInteger();

  private SwaggerConformance(OpenApiInteractionValidator validator, JsonNode spec) {
    this.validator = validator;
    this.spec = spec;
    this.walker = new SchemaWalker(spec);
  }

  /**
   * The conformance checker, or a skipped test when the specs are absent; under {@code CI=true}
   * their absence fails the test instead.
   *
   * @return the checker
   */
  public static synchronized SwaggerConformance load() {
    if (instance == null) {
      instance = create(SPECS.require(SPEC));
    }
    return instance;
  }

  /**
   * The conformance checker when the specs are present, for tests that check behaviour of their
   * own; under {@code CI=true} their absence fails the test instead.
   *
   * @return the checker, or empty without the specs
   */
  public static synchronized Optional<SwaggerConformance> ifPresent() {
    if (instance == null) {
      SPECS.find(SPEC).ifPresent(spec -> instance = create(spec));
    }
    return Optional.ofNullable(instance);
  }

  private static SwaggerConformance create(Path file) {
    try {
      JsonNode spec = MAPPER.readTree(file.toFile());
      strip(spec, file.getParent());
      OpenApiInteractionValidator validator =
          OpenApiInteractionValidator.createForInlineApiSpecification(
                  MAPPER.writeValueAsString(spec))
              // The converted spec loses ARM's x-ms-discriminator-value, so the validator sees only
              // a base type and would call every subtype property "additional"; the SchemaWalker
              // checks unknown properties against the right subtype instead.
              .withLevelResolver(
                  LevelResolver.create()
                      .withLevel(
                          "validation.request.body.schema.additionalProperties",
                          ValidationReport.Level.IGNORE)
                      .build())
              .build();
      return new SwaggerConformance(validator, spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Drops {@code x-ms-examples} (their files are not shipped) and copies every definition and
   * parameter the spec takes from ARM's common types into the spec itself, since the validator gets
   * the spec as text and its converter cannot follow references to other files.
   */
  private static void strip(JsonNode spec, Path base) {
    Inliner inliner = new Inliner((ObjectNode) spec);
    URI self = base.resolve("openapi.json").toUri();
    inliner.setRoot(self);
    inliner.inline(spec, self);
  }

  /** Copies externally referenced schemas and parameters into the root document. */
  private static final class Inliner {
    private final ObjectNode root;
    private final Map<String, JsonNode> documents = new java.util.HashMap<>();

    Inliner(ObjectNode root) {
      this.root = root;
    }

    void inline(JsonNode node, URI document) {
      if (node instanceof ObjectNode object) {
        object.remove("x-ms-examples");
        JsonNode ref = object.get("$ref");
        if (ref != null && ref.isTextual()) {
          object.put("$ref", local(ref.asText(), document));
        }
        List<JsonNode> children = new ArrayList<>();
        object.elements().forEachRemaining(children::add);
        children.forEach(child -> inline(child, document));
      } else if (node instanceof ArrayNode array) {
        array.forEach(child -> inline(child, document));
      }
    }

    /** The local reference for a reference made from a document. */
    private String local(String ref, URI document) {
      int hash = ref.indexOf('#');
      String file = hash < 0 ? ref : ref.substring(0, hash);
      String fragment = hash < 0 ? "" : ref.substring(hash + 1);
      if (file.isEmpty() && document.equals(rootUri())) {
        return ref;
      }
      URI target = file.isEmpty() ? document : document.resolve(file);
      String[] parts = fragment.split("/", -1);
      String section = parts[1];
      String name = parts[2];
      ObjectNode sectionNode =
          root.has(section) ? (ObjectNode) root.get(section) : root.putObject(section);
      String localName = name;
      JsonNode source = document(target).at(fragment);
      if (sectionNode.has(localName)
          && !sectionNode.get(localName).equals(source)
          && !Boolean.TRUE.equals(copied.get(section + "/" + localName))) {
        localName = "Common" + name;
      }
      if (!sectionNode.has(localName)) {
        JsonNode copy = source.deepCopy();
        sectionNode.set(localName, copy);
        copied.put(section + "/" + localName, true);
        inline(copy, target);
      }
      return "#/" + section + "/" + localName;
    }

    private final Map<String, Boolean> copied = new java.util.HashMap<>();
    private URI rootUri;

    private URI rootUri() {
      return rootUri;
    }

    void setRoot(URI uri) {
      this.rootUri = uri;
    }

    private JsonNode document(URI uri) {
      return documents.computeIfAbsent(
          uri.toString(),
          u -> {
            try {
              return MAPPER.readTree(Path.of(uri).toFile());
            } catch (IOException e) {
              throw new UncheckedIOException("cannot read " + u, e);
            }
          });
    }
  }

  /**
   * Checks one recorded request; requests that are not ARM calls (run history, scoring) are ignored
   * and reported as such.
   *
   * @param recorded the request
   * @return true when it was an ARM call and was checked
   */
  public boolean check(RecordedRequest recorded) {
    HttpUrl url = recorded.getRequestUrl();
    if (url == null || !url.encodedPath().startsWith("/subscriptions/")) {
      return false;
    }
    String body = recorded.getBody().clone().readUtf8();
    SimpleRequest.Builder builder =
        new SimpleRequest.Builder(recorded.getMethod(), url.encodedPath());
    for (String name : url.queryParameterNames()) {
      builder.withQueryParam(name, url.queryParameterValues(name));
    }
    if (!body.isEmpty()) {
      builder.withBody(body).withContentType("application/json");
    }
    Request request = builder.build();
    ValidationReport report = validator.validateRequest(request);
    List<String> problems = new ArrayList<>();
    // An allOf failure whose only cause is an "additional" subtype property is the lost
    // discriminator again (see the level resolver); any other message keeps them all.
    boolean otherBodyErrors =
        report.getMessages().stream()
            .anyMatch(
                m ->
                    m.getKey().startsWith("validation.request.body")
                        && !m.getKey().endsWith(".allOf")
                        && !lostDiscriminator(m.getKey()));
    report.getMessages().stream()
        .filter(m -> !lostDiscriminator(m.getKey()))
        .filter(m -> otherBodyErrors || !m.getKey().endsWith(".allOf"))
        .forEach(m -> problems.add(m.getKey() + ": " + m.getMessage()));
    assertThat(url.queryParameter("api-version"))
        .as("api-version of %s %s", recorded.getMethod(), url.encodedPath())
        .isEqualTo("2026-07-01");
    if (!body.isEmpty()) {
      JsonNode json = readTree(body);
      JsonNode operation = operation(recorded.getMethod(), url.encodedPath());
      JsonNode schema = bodySchema(operation);
      if (schema != null) {
        walker.walk(schema, json, "body", problems);
      }
      JsonNode children = json.path("properties").path("jobs");
      if ("Pipeline".equals(json.path("properties").path("jobType").asText())) {
        children
            .properties()
            .forEach(child -> checkCommandJob(child.getKey(), child.getValue(), problems));
      }
    }
    assertThat(problems)
        .as("%s %s against the Azure ML swagger", recorded.getMethod(), url.encodedPath())
        .isEmpty();
    validated.incrementAndGet();
    return true;
  }

  /**
   * Messages that come from the converter dropping {@code x-ms-discriminator-value}: the validator
   * then knows subtypes only by definition name ({@code DefaultScaleSettings}, not {@code Default})
   * and calls their properties additional. The SchemaWalker checks both.
   */
  private static boolean lostDiscriminator(String key) {
    return key.endsWith(".additionalProperties") || key.endsWith(".discriminator");
  }

  /**
   * Checks one child of a pipeline job against {@code CommandJob}: its required fields, types and
   * declared properties.
   *
   * @param name the child's node name
   * @param child the child job
   * @param problems receives what is wrong
   */
  public void checkCommandJob(String name, JsonNode child, List<String> problems) {
    String where = "jobs." + name;
    if (!"Command".equals(child.path("jobType").asText())) {
      problems.add(where + ": jobType is " + child.path("jobType") + ", expected Command");
    }
    walker.walk(
        MAPPER.createObjectNode().put("$ref", "#/definitions/CommandJob"), child, where, problems);
  }

  /** Returns how many ARM requests this checker has validated. */
  public int validatedCount() {
    return validated.get();
  }

  private JsonNode operation(String method, String path) {
    String[] actual = path.split("/", -1);
    for (Map.Entry<String, JsonNode> entry : spec.path("paths").properties()) {
      String[] template = entry.getKey().split("/", -1);
      if (template.length != actual.length) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < template.length && match; i++) {
        match = template[i].startsWith("{") || template[i].equals(actual[i]);
      }
      JsonNode op = entry.getValue().get(method.toLowerCase(java.util.Locale.ROOT));
      if (match && op != null) {
        return op;
      }
    }
    throw new AssertionError(method + " " + path + " matches no operation of the swagger");
  }

  private static JsonNode bodySchema(JsonNode operation) {
    for (JsonNode parameter : operation.path("parameters")) {
      if ("body".equals(parameter.path("in").asText())) {
        return parameter.get("schema");
      }
    }
    return null;
  }

  private static JsonNode readTree(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("request body is not JSON: " + body, e);
    }
  }

  /** The definition names a walker knows, for tests of the walker itself. */
  Set<String> definitions() {
    return new TreeSet<>(iterable(spec.path("definitions").fieldNames()));
  }

  private static <T> List<T> iterable(Iterator<T> it) {
    List<T> list = new ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
