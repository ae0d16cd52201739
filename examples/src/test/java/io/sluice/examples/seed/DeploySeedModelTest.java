package io.sluice.examples.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.azureml.AzureMlClient;
import io.sluice.azureml.AzureMlClientBuilder;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import io.sluice.core.model.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cloud half against a fake Azure ML: register, deploy, route traffic, score. */
class DeploySeedModelTest {
  static final Workspace WS =
      Workspace.builder()
          .subscriptionId("sub")
          .resourceGroup("rg")
          .name("ws-seed")
          .region("westeurope")
          .build();

  /** A fake ARM that answers by path and records what it was asked. */
  static final class FakeAzureMl extends Dispatcher {
    final List<String> calls = new CopyOnWriteArrayList<>();
    String base;

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getPath().replaceFirst("\\?.*", "");
      calls.add(request.getMethod() + " " + path.replace(WS.resourceId(), ""));
      String ep =
          "{\"id\":\""
              + WS.resourceId()
              + "/onlineEndpoints/churn\",\"name\":\"churn\","
              + "\"location\":\"westeurope\",\"properties\":{\"authMode\":\"Key\","
              + "\"provisioningState\":\"Succeeded\",\"scoringUri\":\""
              + base
              + "/score\","
              + "\"traffic\":{\"blue\":100}}}";
      if (path.endsWith("/models/churn-model/versions")) {
        return json(404, "{\"error\":{\"code\":\"UserError\",\"message\":\"no model\"}}");
      } else if (path.endsWith("/datastores")) {
        return json(
            200,
            "{\"value\":[{\"name\":\"workspaceblobstore\",\"properties\":{"
                + "\"datastoreType\":\"AzureBlob\",\"accountName\":\"wsstore\",\"containerName\":"
                + "\"blobs\",\"endpoint\":\"core.windows.net\",\"isDefault\":true}}]}");
      } else if (path.endsWith("/listSecrets")) {
        return json(200, "{\"secretsType\":\"AccountKey\",\"key\":\"k\"}");
      } else if (path.contains("/models/churn-model/versions/")) {
        return json(
            201,
            "{\"id\":\""
                + WS.resourceId()
                + "/models/churn-model/versions/1\","
                + "\"name\":\"1\",\"properties\":{\"modelType\":\"mlflow_model\"}}");
      } else if (path.endsWith("/deployments/blue")) {
        return json(
            200,
            "{\"id\":\"d\",\"name\":\"blue\",\"sku\":{\"capacity\":1},"
                + "\"properties\":{\"provisioningState\":\"Succeeded\"}}");
      } else if (path.endsWith("/onlineEndpoints/churn")) {
        return json(200, ep);
      } else if (path.endsWith("/listKeys")) {
        return json(200, "{\"primaryKey\":\"pk\",\"secondaryKey\":\"sk\"}");
      } else if (path.equals("/score")) {
        return json(200, "[1]");
      }
      return json(500, "{\"error\":{\"code\":\"Unexpected\",\"message\":\"" + path + "\"}}");
    }

    private static MockResponse json(int status, String body) {
      return new MockResponse()
          .setResponseCode(status)
          .setBody(body)
          .setHeader("Content-Type", "application/json");
    }
  }

  @Test
  void registersDeploysRoutesAndScores(@TempDir Path model) throws Exception {
    Files.writeString(model.resolve("MLmodel"), "flavors:\n  sklearn: {}\n");
    Files.writeString(model.resolve("model.pkl"), "pickle");
    FakeAzureMl fake = new FakeAzureMl();
    List<Path> uploaded = new CopyOnWriteArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(fake);
      server.start();
      fake.base = server.url("").toString().replaceAll("/$", "");
      AzureMlClient client =
          new AzureMlClientBuilder()
              .workspace(WS)
              .endpoint(fake.base)
              .pipeline(new SluiceHttpPipelineBuilder().bearerToken("t").build())
              .pollInterval(Duration.ofMillis(5))
              .snapshotUploader(
                  (folder, files, sha) -> {
                    uploaded.addAll(files.values());
                    return new java.util.ArrayList<>(files.keySet());
                  })
              .buildClient();

      DeploySeedModel.Deployed deployed =
          DeploySeedModel.deploy(client, model, "churn", "westeurope");

      assertThat(deployed.model().id()).endsWith("/models/churn-model/versions/1");
      assertThat(deployed.endpoint().traffic()).containsEntry("blue", 100);
      assertThat(deployed.score()).isEqualTo("[1]");
      assertThat(uploaded).hasSize(2);
      assertThat(fake.calls)
          .contains(
              "PUT /models/churn-model/versions/1",
              "PUT /onlineEndpoints/churn",
              "PUT /onlineEndpoints/churn/deployments/blue",
              "POST /onlineEndpoints/churn/listKeys",
              "POST /score");
    }
  }

  @Test
  void refusesAFolderWithoutAnMlflowModel(@TempDir Path empty) {
    AzureMlClient client =
        new AzureMlClientBuilder()
            .workspace(WS)
            .pipeline(new SluiceHttpPipelineBuilder().build())
            .buildClient();
    assertThatThrownBy(() -> DeploySeedModel.deploy(client, empty, "churn", "westeurope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MLmodel");
  }
}
