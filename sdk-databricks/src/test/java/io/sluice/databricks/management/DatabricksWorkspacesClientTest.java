package io.sluice.databricks.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import io.sluice.databricks.FakePolling;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabricksWorkspacesClientTest {
  private static final String SUB = "00000000-1111-2222-3333-444444444444";
  private static final String AML =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/churn";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final List<String[]> requests = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> workspaces = new ConcurrentHashMap<>();
  private final Map<String, Integer> readsLeft = new ConcurrentHashMap<>();
  private DatabricksWorkspacesClient client;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getRequestUrl().encodedPath();
            String body = request.getBody().readUtf8();
            requests.add(
                new String[] {
                  request.getMethod(), path, request.getRequestUrl().encodedQuery(), body
                });
            try {
              return answer(request.getMethod(), path, body);
            } catch (Exception e) {
              return new MockResponse().setResponseCode(500).setBody(String.valueOf(e));
            }
          }
        });
    server.start();
    client =
        new DatabricksWorkspacesClientBuilder()
            .endpoint("http://127.0.0.1:" + server.getPort())
            .subscriptionId(SUB)
            .pipeline(
                new SluiceHttpPipelineBuilder()
                    .bearerToken("arm-token")
                    .retryOptions(
                        new RetryOptions(
                            new ExponentialBackoffOptions()
                                .setBaseDelay(Duration.ofMillis(5))
                                .setMaxDelay(Duration.ofMillis(20))))
                    .build())
            .pollIntervalFloor(FakePolling.FLOOR)
            .pollInterval(FakePolling.INTERVAL, FakePolling.MAX)
            .buildClient();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  /**
   * A small ARM: a PUT is accepted, then provisioning succeeds after one more read; a DELETE
   * empties it.
   */
  private MockResponse answer(String method, String path, String body) throws Exception {
    ObjectNode stored = workspaces.get(path);
    switch (method) {
      case "PUT" -> {
        ObjectNode workspace = (ObjectNode) JSON.readTree(body);
        workspace.put("id", path).put("name", path.substring(path.lastIndexOf('/') + 1));
        ObjectNode properties = (ObjectNode) workspace.get("properties");
        properties.put("provisioningState", "Accepted");
        workspaces.put(path, workspace);
        readsLeft.put(path, 1);
        return json(201, workspace);
      }
      case "PATCH" -> {
        stored.set("tags", JSON.readTree(body).get("tags"));
        return json(200, stored);
      }
      case "DELETE" -> {
        workspaces.remove(path);
        return new MockResponse().setResponseCode(202);
      }
      default -> {
        if (stored == null) {
          return new MockResponse()
              .setResponseCode(404)
              .setHeader("Content-Type", "application/json")
              .setBody(
                  "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource 'Microsoft.Databricks/workspaces/x' was not found.\"}}");
        }
        if (readsLeft.merge(path, -1, Integer::sum) < 0) {
          ((ObjectNode) stored.get("properties"))
              .put("provisioningState", "Succeeded")
              .put("workspaceUrl", "adb-1234567890123456.7.azuredatabricks.net");
        }
        return json(200, stored);
      }
    }
  }

  private static MockResponse json(int status, Object body) throws Exception {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(JSON.writeValueAsString(body));
  }

  @Test
  void createsLinksTagsAndDeletesAWorkspaceWithPollers(@TempDir Path specCopy) {
    AzureDatabricksWorkspace created =
        client
            .beginCreateOrUpdate(
                "rg",
                "churn-dbx",
                WorkspaceDefinition.builder()
                    .location("westeurope")
                    .sku("premium")
                    .tags(Map.of("team", "ml"))
                    .build())
            .getFinalResult();
    assertThat(created.provisioningState()).isEqualTo("Succeeded");
    assertThat(created.endpoint()).contains("https://adb-1234567890123456.7.azuredatabricks.net");
    assertThat(created.managedResourceGroupId())
        .isEqualTo("/subscriptions/" + SUB + "/resourceGroups/databricks-rg-churn-dbx");

    AzureDatabricksWorkspace linked =
        client.beginLinkToAzureMachineLearning("rg", "churn-dbx", AML).getFinalResult();
    assertThat(linked.amlWorkspaceId()).isEqualTo(AML);
    assertThat(linked.sku()).isEqualTo("premium");
    assertThat(linked.tags()).containsEntry("team", "ml");

    assertThat(
            client
                .beginUpdateTags("rg", "churn-dbx", Map.of("team", "data"))
                .getFinalResult()
                .tags())
        .containsEntry("team", "data");
    assertThat(client.beginDelete("rg", "churn-dbx").getFinalResult())
        .endsWith("/workspaces/churn-dbx");
    assertThatThrownBy(() -> client.getWorkspace("rg", "churn-dbx"))
        .isInstanceOf(io.sluice.databricks.DatabricksResourceNotFoundException.class)
        .hasMessageContaining("ResourceNotFound");

    OpenApiInteractionValidator validator = ArmSpec.validator(specCopy);
    int validated = 0;
    for (String[] r : requests) {
      ValidationReport report = ArmSpec.validate(validator, r[0], r[1], r[2], r[3]);
      assertThat(report.getMessages()).as(r[0] + " " + r[1] + " " + r[3]).isEmpty();
      validated++;
    }
    assertThat(validated).isGreaterThanOrEqualTo(8);
    // The validator is not vacuous: an unknown property and a missing computeMode are caught.
    String[] put = requests.stream().filter(r -> r[0].equals("PUT")).findFirst().orElseThrow();
    assertThat(
            ArmSpec.validate(
                    validator,
                    "PUT",
                    put[1],
                    put[2],
                    "{\"location\":\"westeurope\",\"properties\":{\"managedResourceGroupId\":\"x\",\"bogus\":1}}")
                .getMessages())
        .isNotEmpty();
    assertThat(requests)
        .filteredOn(r -> r[0].equals("PUT"))
        .hasSize(2)
        .last()
        .satisfies(
            r -> assertThat(r[3]).contains("\"amlWorkspaceId\":{\"value\":\"" + AML + "\"}"));
  }

  @Test
  void badDefinitionsAndBuildersNameTheirFix() {
    assertThatThrownBy(
            () -> WorkspaceDefinition.builder().location("westeurope").sku("gold").build())
        .hasMessageContaining("'sku' is gold; use standard, premium or trial");
    assertThatThrownBy(
            () -> new DatabricksWorkspacesClientBuilder().subscriptionId(SUB).buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credential");
  }
}
