package io.sluice.azureml;

import static io.sluice.azureml.ArmMock.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.azureml.models.ComputeInfo;
import io.sluice.azureml.models.DatastoreInfo;
import io.sluice.azureml.models.DatastoreSecrets;
import io.sluice.core.compiler.ModelTranslation;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.definition.SecretReference;
import io.sluice.core.model.AdlsGen2Datastore;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.Secret;
import io.sluice.core.run.RunSecrets;
import java.util.List;
import java.util.function.Function;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class DatastoresAndComputesTest {
  static final String KEY = "CANARY-account-key-q9Xr2LmZ0aBcDeFgHiJkLmNoPqRsTuVwXyZ==";
  static final String PAT = "dapiCANARY0123456789abcdef0123456789";
  static final String SAS = "sv=2024-11-04&ss=b&sig=CANARYsasSIGNATURE";

  static String datastore(String name, String type) {
    return "{\"id\":\""
        + WS
        + "/datastores/"
        + name
        + "\",\"name\":\""
        + name
        + "\","
        + "\"properties\":{\"datastoreType\":\""
        + type
        + "\",\"accountName\":\"sluiceraw\","
        + "\"containerName\":\"raw\",\"endpoint\":\"core.windows.net\",\"isDefault\":true,"
        + "\"credentials\":{\"credentialsType\":\"AccountKey\"}}}";
  }

  @Test
  void registersBlobAndAdlsDatastoresAndNeverLeaksTheirSecrets() throws Exception {
    Secret key = Secret.of("raw-key", KEY);
    Secret sas = Secret.of("raw-sas", SAS);
    Secret clientSecret = Secret.of("sp", "CANARY-client-secret");
    DatastoreDefinition withKey =
        ModelTranslation.datastore(
            AzureBlobDatastore.builder()
                .name("rawblob")
                .accountName("sluiceraw")
                .containerName("raw")
                .credential(DatastoreCredential.accountKey(key))
                .build());
    DatastoreDefinition withSas =
        ModelTranslation.datastore(
            AzureBlobDatastore.builder()
                .name("sasblob")
                .accountName("sluiceraw")
                .containerName("raw")
                .credential(DatastoreCredential.sas(sas))
                .build());
    DatastoreDefinition adls =
        ModelTranslation.datastore(
            AdlsGen2Datastore.builder()
                .name("lake")
                .accountName("sluicelake")
                .fileSystem("curated")
                .credential(
                    new DatastoreCredential.ServicePrincipal(
                        "00000000-0000-0000-0000-00000000000a",
                        "00000000-0000-0000-0000-00000000000b",
                        clientSecret))
                .build());
    Function<SecretReference, String> values =
        RunSecrets.of(List.of(key, sas, clientSecret))::value;
    try (LogCapture logs = new LogCapture();
        ArmMock mock = new ArmMock()) {
      AzureMlClient client = mock.client();
      mock.reply(201, datastore("rawblob", "AzureBlob"));
      mock.reply(201, datastore("sasblob", "AzureBlob"));
      mock.reply(201, datastore("lake", "AzureDataLakeGen2"));
      // A service that echoes the key back in its error must not put it in our message.
      mock.reply(
          400,
          "{\"error\":{\"code\":\"ValidationError\",\"message\":\"key "
              + KEY
              + " is not base64 for account sluiceraw\"}}");
      mock.reply(200, "{\"secretsType\":\"AccountKey\",\"key\":\"" + KEY + "\"}");

      DatastoreInfo info = client.createOrUpdateDatastore(withKey, values);
      client.createOrUpdateDatastore(withSas, values);
      client.createOrUpdateDatastore(adls, values);
      Throwable error =
          org.assertj.core.api.Assertions.catchThrowable(
              () -> client.createOrUpdateDatastore(withKey, values));
      DatastoreSecrets secrets = client.listDatastoreSecrets("rawblob");

      assertThat(info.isDefault()).isTrue();
      assertThat(error)
          .isInstanceOf(AzureMlBadRequestException.class)
          .hasMessageContaining("ValidationError")
          .hasMessageNotContaining(KEY);
      assertThat(secrets.secret().value()).hasValue(KEY);
      assertThat(secrets.toString()).doesNotContain(KEY);
      List<RecordedRequest> requests = mock.all();
      JsonNode blob = new ObjectMapper().readTree(requests.get(0).getBody().clone().readUtf8());
      assertThat(blob.at("/properties/credentials/secrets/key").asText()).isEqualTo(KEY);
      JsonNode lake = new ObjectMapper().readTree(requests.get(2).getBody().clone().readUtf8());
      assertThat(lake.at("/properties/datastoreType").asText()).isEqualTo("AzureDataLakeGen2");
      assertThat(lake.at("/properties/credentials/credentialsType").asText())
          .isEqualTo("ServicePrincipal");
      assertThat(logs.text())
          .contains("datastores/rawblob")
          .doesNotContain(KEY)
          .doesNotContain("CANARYsasSIGNATURE")
          .doesNotContain("CANARY-client-secret");
    }
  }

  @Test
  void createsAmlComputeAndAttachesDatabricksWithoutLeakingTheToken() throws Exception {
    String compute =
        "{\"id\":\""
            + WS
            + "/computes/%s\",\"name\":\"%s\",\"location\":"
            + "\"westeurope\",\"properties\":{\"computeType\":\"%s\",\"provisioningState\":\"%s\"}}";
    try (LogCapture logs = new LogCapture();
        ArmMock mock = new ArmMock()) {
      AzureMlClient client = mock.client();
      mock.reply(
          201,
          compute.formatted("cpu", "cpu", "AmlCompute", "Creating"),
          "Azure-AsyncOperation",
          "{server}/operations/c-1");
      mock.reply(200, "{\"status\":\"Succeeded\"}");
      mock.reply(200, compute.formatted("cpu", "cpu", "AmlCompute", "Succeeded"));
      ComputeInfo cpu =
          client
              .beginCreateAmlCompute(
                  ComputeDefinition.AmlCompute.builder()
                      .name("cpu")
                      .vmSize("Standard_DS3_v2")
                      .minNodes(0)
                      .maxNodes(4)
                      .idleSecondsBeforeScaledown(120)
                      .build(),
                  "westeurope")
              .getFinalResult();
      assertThat(cpu.provisioningState()).isEqualTo("Succeeded");

      Secret pat = Secret.of("dbx-pat", PAT);
      ComputeDefinition.Databricks dbx =
          (ComputeDefinition.Databricks)
              ModelTranslation.compute(
                  DatabricksCompute.builder()
                      .name("dbx")
                      .workspaceUrl("https://adb-1234567890123456.7.azuredatabricks.net")
                      .resourceId(
                          "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/"
                              + "rg-sluice/providers/Microsoft.Databricks/workspaces/dbx-sluice")
                      .accessToken(pat)
                      .build());
      Function<SecretReference, String> token = RunSecrets.of(List.of(pat))::value;
      mock.reply(200, compute.formatted("dbx", "dbx", "Databricks", "Succeeded"));
      mock.reply(200, compute.formatted("dbx", "dbx", "Databricks", "Succeeded"));
      assertThat(
              client.beginAttachDatabricks(dbx, "westeurope", token).getFinalResult().computeType())
          .isEqualTo("Databricks");

      mock.reply(
          409,
          "{\"error\":{\"code\":\"Conflict\",\"message\":\"token " + PAT + " already used\"}}");
      assertThatThrownBy(() -> client.beginAttachDatabricks(dbx, "westeurope", token).poll())
          .isInstanceOf(AzureMlConflictException.class)
          .hasMessageNotContaining(PAT);
      assertThatThrownBy(
              () ->
                  client.beginAttachDatabricks(
                      new ComputeDefinition.Databricks("bare", null, null, null, null),
                      "westeurope",
                      token))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("resourceId is missing");

      mock.reply(200, compute.formatted("cpu", "cpu", "AmlCompute", "Succeeded"));
      assertThat(client.getCompute("cpu").name()).isEqualTo("cpu");
      mock.reply(202, null, "Location", "{server}/operations/del-cpu");
      mock.reply(200, null);
      client.beginDeleteCompute("cpu").waitForCompletion();

      List<RecordedRequest> requests = mock.all();
      JsonNode attach = new ObjectMapper().readTree(requests.get(3).getBody().clone().readUtf8());
      assertThat(attach.at("/properties/computeType").asText()).isEqualTo("Databricks");
      assertThat(attach.at("/properties/properties/workspaceUrl").asText())
          .isEqualTo("adb-1234567890123456.7.azuredatabricks.net");
      assertThat(attach.at("/properties/properties/databricksAccessToken").asText()).isEqualTo(PAT);
      assertThat(requests.get(requests.size() - 2).getPath())
          .endsWith("/computes/cpu?api-version=2026-07-01&underlyingResourceAction=Delete");
      assertThat(logs.text()).contains("computes/dbx").doesNotContain(PAT);
    }
  }
}
