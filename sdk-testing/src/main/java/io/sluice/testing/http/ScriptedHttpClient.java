package io.sluice.testing.http;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * An {@link HttpClient} that answers with scripted statuses, the last one again once the script
 * runs out, and keeps what it was sent.
 */
final class ScriptedHttpClient implements HttpClient {
  private final List<Integer> statuses;
  private final String successBody;
  private final List<Sent> sent = new ArrayList<>();

  /**
   * @param successBody the JSON body of a 2xx answer; other answers carry {@code {}}
   * @param statuses the statuses, in order
   */
  ScriptedHttpClient(String successBody, Integer... statuses) {
    this.successBody = successBody;
    this.statuses = Arrays.asList(statuses);
  }

  @Override
  public synchronized Mono<HttpResponse> send(HttpRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders()) {
      headers.put(header.getName().toLowerCase(Locale.ROOT), header.getValue());
    }
    sent.add(new Sent(request.getHttpMethod().name(), request.getUrl().toString(), headers));
    int status = statuses.get(Math.min(sent.size(), statuses.size()) - 1);
    return Mono.just(new JsonResponse(request, status, status / 100 == 2 ? successBody : "{}"));
  }

  /** Returns what was sent, in order. */
  synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  /**
   * One request as it reached the client.
   *
   * @param method the method
   * @param url the URL
   * @param headers the headers, by lower-case name
   */
  record Sent(String method, String url, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }
}
