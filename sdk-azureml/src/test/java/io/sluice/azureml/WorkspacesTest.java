package io.sluice.azureml;

import static io.sluice.azureml.ArmMock.WS;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.azureml.models.WorkspaceInfo;
import io.sluice.azureml.models.WorkspaceOptions;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class WorkspacesTest {
  static final String RG =
      "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/" + "rg-sluice";

  static String workspace(String state) {
    return "{\"id\":\""
        + WS
        + "\",\"name\":\"ws-sluice\",\"location\":\"westeurope\","
        + "\"properties\":{\"friendlyName\":\"Sluice\",\"provisioningState\":\""
        + state
        + "\","
        + "\"mlFlowTrackingUri\":\"azureml://westeurope.api.azureml.ms/mlflow/v1.0"
        + WS
        + "\"}}";
  }

  @Test
  void getsListsAndCreatesThroughTheLocationMonitor() {
    try (ArmMock mock = new ArmMock()) {
      AzureMlClient client = mock.client();
      mock.reply(200, workspace("Succeeded"));
      mock.reply(200, "{\"value\":[" + workspace("Succeeded") + "]}");
      mock.reply(202, null, "Location", "{server}/operations/ws-create", "Retry-After", "0");
      mock.reply(202, null);
      mock.reply(200, workspace("Succeeded"));
      mock.reply(200, workspace("Succeeded"));

      WorkspaceInfo info = client.getWorkspaceProperties();
      List<WorkspaceInfo> all = client.listWorkspaces().stream().toList();
      WorkspaceInfo created =
          client
              .beginCreateOrUpdateWorkspace(
                  new WorkspaceOptions("westeurope")
                      .setFriendlyName("Sluice")
                      .setStorageAccount(
                          RG + "/providers/Microsoft.Storage/storageAccounts/sluicews")
                      .setKeyVault(RG + "/providers/Microsoft.KeyVault/vaults/sluice-kv"))
              .getFinalResult();

      assertThat(info.mlflowTrackingUri()).startsWith("azureml://");
      assertThat(all).extracting(WorkspaceInfo::name).containsExactly("ws-sluice");
      assertThat(created.provisioningState()).isEqualTo("Succeeded");
      List<RecordedRequest> requests = mock.all();
      assertThat(requests.get(1).getPath())
          .isEqualTo(
              RG
                  + "/providers/Microsoft.MachineLearningServices/workspaces?api-version=2026-07-01");
      assertThat(requests)
          .extracting(RecordedRequest::getMethod)
          .containsExactly("GET", "GET", "PUT", "GET", "GET", "GET");
    }
  }
}
