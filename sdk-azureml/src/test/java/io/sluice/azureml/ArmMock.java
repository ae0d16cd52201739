package io.sluice.azureml;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import io.sluice.azureml.conformance.ConformanceRecorder;
import io.sluice.azureml.models.BlobFolder;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import io.sluice.core.model.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for ARM, a client pointed at it, and a fake blob uploader. On close,
 * every ARM request the client sent is checked against the Azure ML swagger.
 */
public final class ArmMock implements AutoCloseable {
  /** The workspace every test uses. */
  public static final Workspace WORKSPACE =
      Workspace.builder()
          .subscriptionId("00000000-0000-0000-0000-000000000001")
          .resourceGroup("rg-sluice")
          .name("ws-sluice")
          .region("westeurope")
          .build();

  /** The workspace's ARM path. */
  public static final String WS = WORKSPACE.resourceId();

  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> taken = new ArrayList<>();

  /** Each upload the client asked for. */
  public final List<Map.Entry<BlobFolder, SortedMap<String, Path>>> uploads = new ArrayList<>();

  /** Starts the server, answering from a queue of replies. */
  public ArmMock() {
    this(null);
  }

  /**
   * Starts the server.
   *
   * @param dispatcher answers every request, e.g. a stateful fake; null for a queue of replies
   */
  public ArmMock(okhttp3.mockwebserver.Dispatcher dispatcher) {
    if (dispatcher != null) {
      server.setDispatcher(dispatcher);
    }
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the server's base URL, without a trailing slash. */
  public String url() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  /** Returns a client that sends to the server, polling every 10 ms. */
  public AzureMlClient client() {
    return builder().buildClient();
  }

  /** Returns a builder for such a client. */
  public AzureMlClientBuilder builder() {
    return builder(url(), uploads);
  }

  /**
   * A builder for a client of a stand-in ARM at a URL, e.g. one in another JVM.
   *
   * @param url the stand-in's base URL
   * @param uploads where the uploads the client asks for are noted
   * @return the builder
   */
  public static AzureMlClientBuilder builder(
      String url, List<Map.Entry<BlobFolder, SortedMap<String, Path>>> uploads) {
    return new AzureMlClientBuilder()
        .workspace(WORKSPACE)
        .endpoint(url)
        .pipeline(
            new SluiceHttpPipelineBuilder()
                .bearerToken("arm-test-token")
                .retryOptions(
                    new RetryOptions(
                        new ExponentialBackoffOptions()
                            .setBaseDelay(Duration.ofMillis(1))
                            .setMaxDelay(Duration.ofMillis(5))))
                .build())
        .pollInterval(Duration.ofMillis(10))
        .runHistoryEndpoint(url)
        .snapshotUploader(
            (folder, files, sha) -> {
              uploads.add(Map.entry(folder, files));
              return new java.util.ArrayList<>(files.keySet());
            });
  }

  /**
   * Queues a JSON response.
   *
   * @param status the status
   * @param body the body, or null
   * @param headers header name, value pairs
   * @return this mock
   */
  public ArmMock reply(int status, String body, String... headers) {
    MockResponse response = new MockResponse().setResponseCode(status);
    if (body != null) {
      response.setBody(body).setHeader("Content-Type", "application/json");
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      response.setHeader(headers[i], headers[i + 1].replace("{server}", url()));
    }
    server.enqueue(response);
    return this;
  }

  /**
   * The next request the client sent.
   *
   * @return the request
   */
  public RecordedRequest take() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("the client sent no further request");
      }
      taken.add(request);
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Returns every request sent so far, including those already taken. */
  public List<RecordedRequest> all() {
    while (server.getRequestCount() > taken.size()) {
      take();
    }
    return taken;
  }

  @Override
  public void close() {
    // The server shuts down either way; a failed check is not hidden by a failed shutdown.
    try (server) {
      ConformanceRecorder.checkAll(all());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
