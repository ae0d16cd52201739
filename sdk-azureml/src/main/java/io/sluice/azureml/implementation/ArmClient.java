package io.sluice.azureml.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import com.azure.core.util.Context;
import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sluice.azureml.AzureMlException;
import io.sluice.azureml.models.OperationProgress;
import io.sluice.core.http.SluiceHttp;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Sends requests to the Azure ML resource provider of one workspace: URL building with the pinned
 * {@code api-version}, error mapping, {@code nextLink} paging and ARM long-running operations.
 */
public final class ArmClient {
  private final HttpPipeline pipeline;
  private final String endpoint;
  private final String apiVersion;
  private final String workspaceId;
  private final Duration pollInterval;

  /**
   * Creates the client.
   *
   * @param pipeline the HTTP pipeline, with authentication
   * @param endpoint the ARM endpoint, without a trailing slash
   * @param apiVersion the pinned api-version
   * @param workspaceId the workspace's ARM id
   * @param pollInterval the default wait between two polls of a long-running operation
   */
  public ArmClient(
      HttpPipeline pipeline,
      String endpoint,
      String apiVersion,
      String workspaceId,
      Duration pollInterval) {
    this.pipeline = pipeline;
    this.endpoint = endpoint;
    this.apiVersion = apiVersion;
    this.workspaceId = workspaceId;
    this.pollInterval = pollInterval;
  }

  /** Returns the HTTP pipeline, for calls outside ARM that share its retries and logging. */
  public HttpPipeline pipeline() {
    return pipeline;
  }

  /** Returns the workspace's ARM id. */
  public String workspaceId() {
    return workspaceId;
  }

  /**
   * The URL of a workspace sub-resource.
   *
   * @param relative the path below the workspace, with its segments already checked
   * @param query extra query parameters as name, value pairs
   * @return the URL with {@code api-version}
   */
  public String url(String relative, String... query) {
    StringBuilder url = new StringBuilder(endpoint).append(workspaceId);
    if (!relative.isEmpty()) {
      url.append('/').append(relative);
    }
    url.append("?api-version=").append(apiVersion);
    for (int i = 0; i + 1 < query.length; i += 2) {
      if (query[i + 1] != null) {
        url.append('&')
            .append(query[i])
            .append('=')
            .append(URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
      }
    }
    return url.toString();
  }

  /**
   * The URL of the resource group's Azure ML workspaces collection.
   *
   * @return the URL with {@code api-version}
   */
  public String workspacesUrl() {
    return endpoint
        + workspaceId.substring(0, workspaceId.lastIndexOf('/'))
        + "?api-version="
        + apiVersion;
  }

  /**
   * Sends a request and reads the response.
   *
   * @param method the method
   * @param url the full URL
   * @param body the JSON body, or null
   * @param secrets values in the body that must not reach an exception message
   * @return the response
   * @throws AzureMlException for a 4xx or 5xx response
   */
  public ArmResponse send(
      HttpMethod method, String url, JsonNode body, Collection<String> secrets) {
    HttpRequest request = new HttpRequest(method, url);
    if (body != null) {
      request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
      request.setBody(ArmJson.bytes(body));
    }
    // Every POST this client sends is a read (listKeys, listSecrets, token, getLogs), a cancel
    // or a create-or-get (startPendingUpload with its own id): a replay has no further effect.
    Context context = method == HttpMethod.POST ? SluiceHttp.retrySafe(Context.NONE) : Context.NONE;
    try (HttpResponse response = pipeline.sendSync(request, context)) {
      byte[] bytes = response.getBodyAsBinaryData().toBytes();
      JsonNode json = parse(bytes);
      if (response.getStatusCode() >= 400) {
        throw ArmErrors.toException(
            method + " " + describe(url), response.getStatusCode(), json, secrets);
      }
      return new ArmResponse(response.getStatusCode(), response.getHeaders(), json);
    }
  }

  /**
   * Sends a request that carries no secret.
   *
   * @param method the method
   * @param url the full URL
   * @param body the JSON body, or null
   * @return the response
   */
  public ArmResponse send(HttpMethod method, String url, JsonNode body) {
    return send(method, url, body, Set.of());
  }

  /**
   * A paged list that follows ARM's {@code nextLink}.
   *
   * @param url the first page's URL
   * @param mapper turns one element of {@code value} into a model
   * @param <T> the model type
   * @return the lazily fetched pages
   */
  public <T> PagedIterable<T> list(String url, Function<JsonNode, T> mapper) {
    return new PagedIterable<>(() -> page(url, mapper), next -> page(next, mapper));
  }

  private <T> PagedResponse<T> page(String url, Function<JsonNode, T> mapper) {
    ArmResponse response = send(HttpMethod.GET, url, null);
    List<T> items = new ArrayList<>();
    response.body().path("value").forEach(item -> items.add(mapper.apply(item)));
    String next = ArmJson.text(response.body(), "nextLink");
    return new PagedResponseBase<Void, T>(
        new HttpRequest(HttpMethod.GET, url),
        response.statusCode(),
        response.headers(),
        items,
        next,
        null);
  }

  /**
   * Starts a long-running operation and polls it as ARM describes.
   *
   * @param method PUT, PATCH, POST or DELETE
   * @param url the resource URL
   * @param body the JSON body, or null
   * @param secrets values in the body that must not reach an exception message
   * @param result turns the final resource (or last response) into the result
   * @param <T> the result type
   * @return the poller
   */
  public <T> SyncPoller<OperationProgress, T> begin(
      HttpMethod method,
      String url,
      JsonNode body,
      Collection<String> secrets,
      Function<JsonNode, T> result) {
    return new LongRunningOperation<>(this, method, url, body, secrets, result)
        .poller(pollInterval);
  }

  private static JsonNode parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return ArmJson.MAPPER.readTree(bytes);
    } catch (IOException e) {
      // A gateway's HTML or plain-text error page: keep it as text for the message.
      String text = new String(bytes, StandardCharsets.UTF_8);
      return TextNode.valueOf(text.length() > 500 ? text.substring(0, 500) + "..." : text);
    }
  }

  /** The part of a URL worth showing in a message: the path below the workspace. */
  private String describe(String url) {
    int at = url.indexOf(workspaceId);
    String path = at < 0 ? url : url.substring(at + workspaceId.length());
    int query = path.indexOf('?');
    path = query < 0 ? path : path.substring(0, query);
    return path.isEmpty() ? "workspace" : path.substring(1);
  }
}
