package io.sluice.azureml.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The checker itself: it must reject what the service would, or it proves nothing. */
class SwaggerConformanceTest {
  private static final String WS =
      "/subscriptions/s/resourceGroups/rg/providers/"
          + "Microsoft.MachineLearningServices/workspaces/ws-one";

  private static RecordedRequest send(String method, String path, String body) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setResponseCode(200));
      new OkHttpClient()
          .newCall(
              new Request.Builder()
                  .url(server.url(path))
                  .method(
                      method,
                      body == null
                          ? null
                          : RequestBody.create(body, MediaType.get("application/json")))
                  .build())
          .execute()
          .close();
      return server.takeRequest();
    }
  }

  @Test
  void acceptsAValidCommandJob() throws Exception {
    SwaggerConformance conformance = SwaggerConformance.load();
    assertThat(
            conformance.check(
                send(
                    "PUT",
                    WS + "/jobs/j?api-version=2026-07-01",
                    "{\"properties\":{\"jobType\":\"Command\",\"command\":\"python a.py\","
                        + "\"environmentId\":\"azureml:e:1\"}}")))
        .isTrue();
  }

  @Test
  void rejectsUnknownPropertiesWrongSubtypesMissingFieldsAndWrongApiVersion() throws Exception {
    SwaggerConformance conformance = SwaggerConformance.load();
    assertThatThrownBy(
            () ->
                conformance.check(
                    send(
                        "PUT",
                        WS + "/jobs/j?api-version=2026-07-01",
                        "{\"properties\":{\"jobType\":\"Command\",\"command\":\"python a.py\","
                            + "\"environmentId\":\"azureml:e:1\",\"codeUri\":\"x\"}}")))
        .hasMessageContaining("properties.codeUri: the swagger declares no such property");
    assertThatThrownBy(
            () ->
                conformance.check(
                    send(
                        "PUT",
                        WS + "/jobs/j?api-version=2026-07-01",
                        "{\"properties\":{\"jobType\":\"Commando\",\"command\":\"python a.py\"}}")))
        .hasMessageContaining("Commando");
    assertThatThrownBy(
            () ->
                conformance.check(
                    send(
                        "PUT",
                        WS + "/jobs/j?api-version=2026-07-01",
                        "{\"properties\":{\"jobType\":\"Command\",\"command\":\"python a.py\"}}")))
        .hasMessageContaining("required property 'environmentId' is missing");
    assertThatThrownBy(
            () -> conformance.check(send("GET", WS + "/jobs/j?api-version=2025-01-01", null)))
        .hasMessageContaining("2026-07-01");
    assertThatThrownBy(
            () ->
                conformance.check(
                    send("DELETE", WS + "/computes/c?api-version=" + "2026-07-01", null)))
        .hasMessageContaining("underlyingResourceAction");
    assertThatThrownBy(
            () ->
                conformance.check(
                    send(
                        "PUT",
                        WS + "/datastores/d?api-version=" + "2026-07-01",
                        "{\"properties\":{\"datastoreType\":\"AzureBlob\",\"credentials\":"
                            + "{\"credentialsType\":\"AccountKey\",\"secrets\":{\"secretsType\":\"AccountKey\","
                            + "\"key\":3}}}}")))
        .hasMessageContaining("properties.credentials.secrets.key");
  }

  @Test
  void checksPipelineChildrenAsCommandJobs() throws Exception {
    SwaggerConformance conformance = SwaggerConformance.load();
    List<String> problems = new ArrayList<>();
    conformance.checkCommandJob(
        "train",
        new ObjectMapper()
            .readTree(
                "{\"jobType\":\"Command\",\"command\":\"python t.py\",\"environmentId\":\"e\","
                    + "\"inputs\":{\"x\":{\"jobInputType\":\"uri_file\"}},\"computeName\":\"cpu\"}"),
        problems);
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("jobs.train.computeName"))
        .anySatisfy(p -> assertThat(p).contains("jobs.train.inputs.x: required property 'uri'"));
  }
}
