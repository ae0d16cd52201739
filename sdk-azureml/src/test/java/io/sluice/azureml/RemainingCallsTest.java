package io.sluice.azureml;

import static io.sluice.azureml.ArmMock.WS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The reads, lists and deletes the other tests do not reach, so that every ARM call the client can
 * make is sent once against the swagger (checked when the mock closes).
 */
class RemainingCallsTest {
  static final String EMPTY_PAGE = "{\"value\":[]}";

  @Test
  void everyOtherCallHitsADeclaredOperation() {
    try (ArmMock mock = new ArmMock()) {
      AzureMlClient client = mock.client();
      mock.reply(200, DatastoresAndComputesTest.datastore("raw", "AzureBlob"));
      client.getDatastore("raw");
      mock.reply(200, EMPTY_PAGE);
      assertThat(client.listDatastores().stream().count()).isZero();
      mock.reply(200, null);
      client.deleteDatastore("raw");
      mock.reply(200, null);
      client.beginDetachCompute("dbx").waitForCompletion();
      mock.reply(200, AssetsTest.version("environments", "e", "1", "{\"image\":\"i\"}"));
      assertThat(client.getEnvironment("e", "1").name()).isEqualTo("e");
      mock.reply(200, EMPTY_PAGE);
      assertThat(client.listEnvironmentVersions("e").stream()).isEmpty();
      mock.reply(201, AssetsTest.version("codes", "c", "1", "{\"codeUri\":\"https://a/b\"}"));
      assertThat(client.createOrUpdateCodeVersion("c", "1", "https://a/b").codeUri())
          .isEqualTo("https://a/b");
      mock.reply(200, AssetsTest.version("codes", "c", "1", "{\"codeUri\":\"https://a/b\"}"));
      client.getCodeVersion("c", "1");
      mock.reply(200, EMPTY_PAGE);
      assertThat(client.listCodeVersions("c").stream()).isEmpty();
      mock.reply(
          200,
          AssetsTest.version(
              "data", "d", "1", "{\"dataType\":\"uri_file\"," + "\"dataUri\":\"u\"}"));
      client.getDataVersion("d", "1");
      mock.reply(200, AssetsTest.version("models", "m", "1", "{\"modelType\":\"custom_model\"}"));
      client.getModelVersion("m", "1");
      mock.reply(200, EMPTY_PAGE);
      assertThat(client.listModelVersions("m").stream()).isEmpty();
      mock.reply(200, OnlineEndpointsTest.endpoint("Succeeded"));
      assertThat(client.getOnlineEndpoint("churn").authMode()).isEqualTo("Key");
      mock.reply(200, EMPTY_PAGE);
      assertThat(client.listOnlineEndpoints().stream()).isEmpty();
      mock.reply(200, OnlineEndpointsTest.deployment("Succeeded"));
      client.getOnlineDeployment("churn", "blue");
      mock.reply(200, EMPTY_PAGE);
      assertThat(client.listOnlineDeployments("churn").stream()).isEmpty();
      mock.reply(202, null, "Location", "{server}/operations/del-ep");
      mock.reply(200, null);
      client.beginDeleteOnlineEndpoint("churn").waitForCompletion();

      List<RecordedRequest> requests = mock.all();
      assertThat(requests).hasSize(18);
      assertThat(requests.get(3).getPath())
          .isEqualTo(WS + "/computes/dbx?api-version=2026-07-01&underlyingResourceAction=Detach");
    }
  }

  @Test
  void aDeletionWithoutAMonitorEndsWhenTheResourceIsGone() {
    try (ArmMock mock = new ArmMock()) {
      mock.reply(202, null);
      mock.reply(200, OnlineEndpointsTest.deployment("Deleting"));
      mock.reply(404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"gone\"}}");
      assertThat(
              mock.client()
                  .beginDeleteOnlineDeployment("churn", "blue")
                  .waitForCompletion()
                  .getStatus())
          .isEqualTo(com.azure.core.util.polling.LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
      assertThat(mock.all())
          .extracting(RecordedRequest::getMethod)
          .containsExactly("DELETE", "GET", "GET");
    }
  }
}
