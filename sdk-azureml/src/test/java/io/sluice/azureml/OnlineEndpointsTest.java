package io.sluice.azureml;

import static io.sluice.azureml.ArmMock.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import io.sluice.azureml.models.OnlineDeployment;
import io.sluice.azureml.models.OnlineDeploymentInfo;
import io.sluice.azureml.models.OnlineEndpoint;
import io.sluice.azureml.models.OnlineEndpointInfo;
import io.sluice.azureml.models.OperationProgress;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class OnlineEndpointsTest {
  static final String EP = WS + "/onlineEndpoints/churn";

  static String endpoint(String state) {
    return "{\"id\":\""
        + EP
        + "\",\"name\":\"churn\",\"location\":\"westeurope\","
        + "\"properties\":{\"authMode\":\"Key\",\"provisioningState\":\""
        + state
        + "\","
        + "\"scoringUri\":\"{server}/score\",\"traffic\":{\"blue\":100}}}";
  }

  static String deployment(String state) {
    return "{\"id\":\""
        + EP
        + "/deployments/blue\",\"name\":\"blue\",\"location\":\"westeurope\","
        + "\"sku\":{\"name\":\"Default\",\"capacity\":1},\"properties\":{\"endpointComputeType\":"
        + "\"Managed\",\"model\":\""
        + WS
        + "/models/churn/versions/1\",\"instanceType\":"
        + "\"Standard_DS3_v2\",\"provisioningState\":\""
        + state
        + "\"}}";
  }

  @Test
  void endpointCreationIsPolledThroughAzureAsyncOperationToSuccess() {
    try (ArmMock mock = new ArmMock()) {
      mock.reply(
          201,
          endpoint("Creating"),
          "Azure-AsyncOperation",
          "{server}/operations/ep-1",
          "Retry-After",
          "0");
      mock.reply(200, "{\"status\":\"InProgress\"}");
      mock.reply(200, "{\"status\":\"Succeeded\"}");
      mock.reply(200, endpoint("Succeeded").replace("{server}", mock.url()));

      SyncPoller<OperationProgress, OnlineEndpointInfo> poller =
          mock.client()
              .beginCreateOrUpdateOnlineEndpoint(
                  new OnlineEndpoint("churn", "westeurope").setDescription("churn model"));
      PollResponse<OperationProgress> done = poller.waitForCompletion();
      OnlineEndpointInfo info = poller.getFinalResult();

      assertThat(done.getStatus()).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
      assertThat(info.provisioningState()).isEqualTo("Succeeded");
      assertThat(info.scoringUri()).isEqualTo(mock.url() + "/score");
      List<RecordedRequest> requests = mock.all();
      assertThat(requests)
          .extracting(RecordedRequest::getMethod)
          .containsExactly("PUT", "GET", "GET", "GET");
      assertThat(requests.get(1).getPath()).isEqualTo("/operations/ep-1");
      assertThat(requests.get(3).getPath()).isEqualTo(EP + "?api-version=2026-07-01");
    }
  }

  @Test
  void deploymentCreationIsPolledThroughProvisioningStateToSuccess() {
    try (ArmMock mock = new ArmMock()) {
      mock.reply(201, deployment("Creating"));
      mock.reply(200, deployment("Updating"));
      mock.reply(200, deployment("Succeeded"));
      mock.reply(200, deployment("Succeeded"));

      OnlineDeploymentInfo info =
          mock.client()
              .beginCreateOrUpdateOnlineDeployment(
                  "churn",
                  new OnlineDeployment("blue", "westeurope", WS + "/models/churn/versions/1"))
              .getFinalResult();

      assertThat(info.provisioningState()).isEqualTo("Succeeded");
      assertThat(info.instanceCount()).isEqualTo(1);
    }
  }

  @Test
  void failedProvisioningSurfacesTheServiceError() {
    try (ArmMock mock = new ArmMock()) {
      mock.reply(201, deployment("Creating"), "Azure-AsyncOperation", "{server}/operations/d-1");
      mock.reply(
          200,
          "{\"status\":\"Failed\",\"error\":{\"code\":\"ResourceNotReady\","
              + "\"message\":\"User container has crashed or terminated: init() raised"
              + " ModuleNotFoundError\"}}");

      SyncPoller<OperationProgress, OnlineDeploymentInfo> poller =
          mock.client()
              .beginCreateOrUpdateOnlineDeployment(
                  "churn",
                  new OnlineDeployment("blue", "westeurope", WS + "/models/churn/versions/1")
                      .setCodeConfiguration(WS + "/codes/score/versions/1", "score.py")
                      .setEnvironmentId(WS + "/environments/serve/versions/1"));
      PollResponse<OperationProgress> last = poller.waitForCompletion();

      assertThat(last.getStatus()).isEqualTo(LongRunningOperationStatus.FAILED);
      assertThat(last.getValue().error())
          .hasValueSatisfying(
              e -> assertThat(e).contains("ResourceNotReady").contains("ModuleNotFoundError"));
      assertThatThrownBy(poller::getFinalResult)
          .isInstanceOf(AzureMlProvisioningException.class)
          .hasMessageContaining("onlineEndpoints/churn/deployments/blue ended Failed")
          .hasMessageContaining("ModuleNotFoundError")
          .satisfies(
              e ->
                  assertThat(((AzureMlProvisioningException) e).getErrorCode())
                      .hasValue("ResourceNotReady"));
    }
  }

  @Test
  void trafficLogsKeysTokenDeleteAndInvoke() {
    String key = "CANARY-endpoint-key-0123456789";
    try (ArmMock mock = new ArmMock()) {
      AzureMlClient client = mock.client();
      mock.reply(200, endpoint("Succeeded"));
      mock.reply(200, endpoint("Succeeded"));
      mock.reply(200, endpoint("Succeeded"));
      assertThat(client.beginUpdateTraffic("churn", Map.of("blue", 100)).getFinalResult().traffic())
          .containsEntry("blue", 100);
      assertThatThrownBy(() -> client.beginUpdateTraffic("churn", Map.of("blue", 90)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("sums to 90%");

      mock.reply(200, "{\"content\":\"Listening on 5001\"}");
      assertThat(client.getDeploymentLogs("churn", "blue", 50)).contains("Listening");

      mock.reply(200, "{\"primaryKey\":\"" + key + "\",\"secondaryKey\":\"k2\"}");
      assertThat(client.getEndpointKeys("churn").toString()).doesNotContain(key);

      mock.reply(
          200,
          "{\"accessToken\":\"tok\",\"tokenType\":\"Bearer\",\"expiryTimeUtc\":"
              + "1800000000,\"refreshAfterTimeUtc\":1799990000}");
      assertThat(client.getEndpointToken("churn").expiresAt().getEpochSecond())
          .isEqualTo(1800000000L);

      mock.reply(200, endpoint("Succeeded").replace("{server}", mock.url()));
      mock.reply(200, "{\"primaryKey\":\"" + key + "\",\"secondaryKey\":\"k2\"}");
      mock.reply(200, "[0.87]");
      assertThat(client.invoke("churn", "blue", "{\"input_data\":[[1,2,3]]}")).isEqualTo("[0.87]");

      mock.reply(202, null, "Location", "{server}/operations/del-1");
      mock.reply(202, null);
      mock.reply(204, null);
      assertThat(
              client.beginDeleteOnlineDeployment("churn", "blue").waitForCompletion().getStatus())
          .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);

      List<RecordedRequest> requests = mock.all();
      RecordedRequest score =
          requests.stream().filter(r -> r.getPath().equals("/score")).findFirst().orElseThrow();
      assertThat(score.getHeader("Authorization")).isEqualTo("Bearer " + key);
      assertThat(score.getHeader("azureml-model-deployment")).isEqualTo("blue");
      assertThat(requests.get(1).getMethod()).isEqualTo("PUT");
    }
  }
}
