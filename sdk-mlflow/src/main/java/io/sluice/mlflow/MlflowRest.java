package io.sluice.mlflow;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.http.SluiceHttp;
import io.sluice.core.http.implementation.Redaction;
import io.sluice.mlflow.implementation.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends MLflow REST calls through the shared pipeline and turns error responses into exceptions.
 */
final class MlflowRest {
  static final String API = "/api/2.0/mlflow/";
  static final String ARTIFACTS_API = "/api/2.0/mlflow-artifacts/artifacts";

  private final HttpPipeline pipeline;
  private final String baseUrl;

  MlflowRest(HttpPipeline pipeline, String baseUrl) {
    this.pipeline = pipeline;
    this.baseUrl = baseUrl;
  }

  String baseUrl() {
    return baseUrl;
  }

  /** A GET under {@code /api/2.0/mlflow/}; null query values are left out. */
  JsonNode get(String path, Map<String, ?> query) {
    return json(send(new HttpRequest(HttpMethod.GET, url(API + path, query)), false));
  }

  /** A POST, PATCH or DELETE under {@code /api/2.0/mlflow/} with a JSON body. */
  JsonNode call(HttpMethod method, String path, Object body) {
    return call(method, path, body, false);
  }

  /**
   * Like {@link #call(HttpMethod, String, Object)}; {@code retrySafe} says replaying the request
   * has no further effect on the server, so the pipeline may retry it.
   */
  JsonNode call(HttpMethod method, String path, Object body, boolean retrySafe) {
    byte[] json = body instanceof byte[] bytes ? bytes : Json.write(body);
    HttpRequest request =
        new HttpRequest(method, url(API + path, Map.of()))
            .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
            .setBody(json);
    return json(send(request, retrySafe));
  }

  /** Sends a request and returns the successful response, whose body the caller must close. */
  HttpResponse send(HttpRequest request, boolean retrySafe) {
    Context context = retrySafe ? SluiceHttp.retrySafe(Context.NONE) : Context.NONE;
    HttpResponse response = pipeline.sendSync(request, context);
    if (response.getStatusCode() >= 400) {
      try (response) {
        throw error(request, response);
      }
    }
    return response;
  }

  String url(String path, Map<String, ?> query) {
    StringBuilder url = new StringBuilder(baseUrl).append(path);
    char separator = '?';
    for (Map.Entry<String, ?> entry : query.entrySet()) {
      Iterable<?> values =
          entry.getValue() instanceof Iterable<?> list
              ? list
              : entry.getValue() == null ? List.of() : List.of(entry.getValue());
      for (Object item : values) {
        url.append(separator)
            .append(entry.getKey())
            .append('=')
            .append(segment(String.valueOf(item)));
        separator = '&';
      }
    }
    return url.toString();
  }

  /**
   * Pages through a search: {@code fetch} gets the page for a token (null for the first), the items
   * are read from {@code itemsField}, the next token from {@code next_page_token}.
   */
  static <T> PagedIterable<T> paged(
      Function<String, JsonNode> fetch, String itemsField, Class<T> type) {
    Function<String, PagedResponse<T>> page =
        token -> {
          JsonNode node = fetch.apply(token);
          List<T> items = new ArrayList<>();
          for (JsonNode item : node.path(itemsField)) {
            items.add(Json.MAPPER.convertValue(item, type));
          }
          String next = node.path("next_page_token").asText("");
          return new PagedResponseBase<Void, T>(
              null, 200, null, items, next.isEmpty() ? null : next, null);
        };
    return new PagedIterable<>(() -> page.apply(null), page);
  }

  /** A URL path segment or query value, percent-encoded. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A request body: the given key-value pairs, nulls left out. */
  static Map<String, Object> body(Object... keyValues) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        body.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return body;
  }

  private static JsonNode json(HttpResponse response) {
    try (response) {
      byte[] bytes = response.getBodyAsBinaryData().toBytes();
      return bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MlflowException error(HttpRequest request, HttpResponse response) {
    int status = response.getStatusCode();
    String text = response.getBodyAsBinaryData().toString();
    String code = null;
    String message = text;
    try {
      JsonNode node = Json.MAPPER.readTree(text);
      code = node.path("error_code").asText(null);
      message = node.path("message").asText(text);
    } catch (IOException | RuntimeException e) {
      // Not JSON (a proxy's HTML page, plain text): keep the text as the message.
    }
    String path = request.getUrl().getPath();
    String full =
        Redaction.redact(
            request.getHttpMethod()
                + " "
                + path
                + " failed with HTTP "
                + status
                + (code == null ? "" : " " + code)
                + ": "
                + message);
    if (status == 401 || status == 403) {
      return new MlflowAuthenticationException(full, status, code);
    }
    if (code == null) {
      return status == 404
          ? new MlflowResourceNotFoundException(full, status, null)
          : new MlflowException(full, status, null);
    }
    return switch (code) {
      case "RESOURCE_DOES_NOT_EXIST", "ENDPOINT_NOT_FOUND", "NOT_FOUND" ->
          new MlflowResourceNotFoundException(full, status, code);
      case "RESOURCE_ALREADY_EXISTS", "ALREADY_EXISTS" ->
          new MlflowResourceAlreadyExistsException(full, status, code);
      case "INVALID_PARAMETER_VALUE", "BAD_REQUEST" ->
          new MlflowInvalidParameterException(full, status, code);
      case "UNAUTHENTICATED", "PERMISSION_DENIED", "CUSTOMER_UNAUTHORIZED" ->
          new MlflowAuthenticationException(full, status, code);
      default -> new MlflowException(full, status, code);
    };
  }
}
