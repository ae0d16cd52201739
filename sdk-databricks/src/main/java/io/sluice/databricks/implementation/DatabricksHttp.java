package io.sluice.databricks.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.http.SluiceHttp;
import io.sluice.databricks.DatabricksException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Sends Databricks REST calls through the shared pipeline and turns error responses into typed
 * exceptions. Every service client goes through here, so JSON mapping, retry safety and error
 * mapping live in one place.
 */
public final class DatabricksHttp {
  private final HttpPipeline pipeline;
  private final String host;

  /**
   * Creates the sender.
   *
   * @param pipeline the pipeline with authentication and retries
   * @param host the workspace URL, without a trailing slash
   */
  public DatabricksHttp(HttpPipeline pipeline, String host) {
    this.pipeline = Objects.requireNonNull(pipeline);
    this.host = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
  }

  /** Returns the workspace URL. */
  public String host() {
    return host;
  }

  /**
   * GETs a JSON resource.
   *
   * @param path the API path, e.g. {@code /api/2.2/jobs/runs/get}
   * @param query query parameters; null values are left out
   * @param type the response type
   * @param <T> the response type
   * @return the response
   */
  public <T> T get(String path, Map<String, ?> query, Class<T> type) {
    return read(exchange(HttpMethod.GET, path + query(query), null, null, false), type);
  }

  /**
   * POSTs a JSON body. A POST is replayed after a failure only when {@code retrySafe} says the
   * service deduplicates it (an idempotency token) or a replay changes nothing.
   *
   * @param path the API path
   * @param body the request body
   * @param type the response type
   * @param retrySafe whether the request may be sent twice
   * @param <T> the response type
   * @return the response
   */
  public <T> T post(String path, Object body, Class<T> type, boolean retrySafe) {
    return read(exchange(HttpMethod.POST, path, json(body), "application/json", retrySafe), type);
  }

  /**
   * Sends a JSON body with any method.
   *
   * @param method the method, e.g. PUT or PATCH
   * @param pathAndQuery the path with its query
   * @param body the request body
   * @param type the response type
   * @param retrySafe whether a POST or PATCH may be sent twice
   * @param <T> the response type
   * @return the response
   */
  public <T> T json(
      HttpMethod method, String pathAndQuery, Object body, Class<T> type, boolean retrySafe) {
    return read(
        exchange(
            method, pathAndQuery, body == null ? null : json(body), "application/json", retrySafe),
        type);
  }

  /**
   * Sends a request with a raw body and returns the raw response bytes.
   *
   * @param method the method
   * @param pathAndQuery the path with its query
   * @param body the body, or null
   * @param contentType its content type, or null
   * @return the response body; empty when there was none
   */
  public byte[] raw(HttpMethod method, String pathAndQuery, byte[] body, String contentType) {
    return exchange(method, pathAndQuery, body, contentType, false);
  }

  /**
   * PUTs a file's content as the body, streamed from disk; a file body can be re-read, so the call
   * is retried like any PUT.
   *
   * @param pathAndQuery the path with its query
   * @param file the file
   */
  public void putFile(String pathAndQuery, java.nio.file.Path file) {
    HttpRequest request = new HttpRequest(HttpMethod.PUT, host + pathAndQuery);
    request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/octet-stream");
    request.setBody(BinaryData.fromFile(file));
    try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
      if (response.getStatusCode() >= 400) {
        throw DatabricksErrors.from(
            response.getStatusCode(),
            response.getBodyAsBinaryData().toBytes(),
            "PUT " + stripQuery(pathAndQuery));
      }
    }
  }

  /**
   * GETs a body and streams it to a file, without holding it in memory.
   *
   * @param pathAndQuery the path with its query
   * @param target the file to write; replaced if it exists
   * @return the number of bytes written
   */
  public long getToFile(String pathAndQuery, java.nio.file.Path target) {
    HttpRequest request = new HttpRequest(HttpMethod.GET, host + pathAndQuery);
    try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
      if (response.getStatusCode() >= 400) {
        throw DatabricksErrors.from(
            response.getStatusCode(),
            response.getBodyAsBinaryData().toBytes(),
            "GET " + stripQuery(pathAndQuery));
      }
      try (java.io.InputStream in = response.getBodyAsBinaryData().toStream()) {
        return java.nio.file.Files.copy(
            in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Builds a query string.
   *
   * @param query the parameters; null values are left out
   * @return {@code ?a=b&c=d}, or empty
   */
  public static String query(Map<String, ?> query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    StringJoiner joiner = new StringJoiner("&", "?", "");
    joiner.setEmptyValue("");
    query.forEach(
        (k, v) -> {
          if (v != null) {
            joiner.add(k + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
          }
        });
    return joiner.toString();
  }

  private byte[] exchange(
      HttpMethod method, String pathAndQuery, byte[] body, String contentType, boolean retrySafe) {
    HttpRequest request = new HttpRequest(method, host + pathAndQuery);
    request.setHeader(HttpHeaderName.ACCEPT, "application/json");
    if (body != null) {
      request.setHeader(HttpHeaderName.CONTENT_TYPE, contentType);
      request.setBody(BinaryData.fromBytes(body));
    }
    Context context = retrySafe ? SluiceHttp.retrySafe(Context.NONE) : Context.NONE;
    try (HttpResponse response = pipeline.sendSync(request, context)) {
      byte[] bytes =
          response.getBodyAsBinaryData() == null
              ? new byte[0]
              : response.getBodyAsBinaryData().toBytes();
      if (response.getStatusCode() >= 400) {
        throw DatabricksErrors.from(
            response.getStatusCode(), bytes, method + " " + stripQuery(pathAndQuery));
      }
      return bytes == null ? new byte[0] : bytes;
    } catch (UncheckedIOException e) {
      throw new DatabricksException(
          method
              + " "
              + stripQuery(pathAndQuery)
              + " failed: "
              + DatabricksErrors.safe(e.getMessage())
              + "; check the host and the network, then retry",
          -1,
          "IO_ERROR",
          e);
    }
  }

  private static String stripQuery(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }

  private static byte[] json(Object body) {
    try {
      return DatabricksJson.MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(byte[] bytes, Class<T> type) {
    try {
      if (type == Void.class) {
        return null;
      }
      if (bytes.length == 0) {
        return DatabricksJson.MAPPER.readValue("{}", type);
      }
      return DatabricksJson.MAPPER.readValue(bytes, type);
    } catch (IOException e) {
      throw new DatabricksException(
          "Databricks answered with a body that is not the expected "
              + type.getSimpleName()
              + ": "
              + DatabricksErrors.safe(e.getMessage()),
          200,
          null,
          e);
    }
  }

  /**
   * Reads a JSON tree.
   *
   * @param bytes the bytes
   * @return the tree
   */
  public static JsonNode tree(byte[] bytes) {
    try {
      return DatabricksJson.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
