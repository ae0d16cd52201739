package io.sluice.azureml;

import static io.sluice.azureml.ArmMock.WS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.azureml.models.CodeSnapshot;
import io.sluice.azureml.models.DataType;
import io.sluice.azureml.models.ModelVersion;
import io.sluice.core.compiler.ModelTranslation;
import io.sluice.core.model.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static String version(String kind, String name, String version, String properties) {
    return "{\"id\":\""
        + WS
        + "/"
        + kind
        + "/"
        + name
        + "/versions/"
        + version
        + "\",\"name\":\""
        + version
        + "\",\"properties\":"
        + properties
        + "}";
  }

  static JsonNode body(RecordedRequest request) throws Exception {
    return JSON.readTree(request.getBody().clone().readUtf8());
  }

  @Test
  void codeSnapshotHonoursIgnoreFilesAndUploadsAnUnchangedFolderOnce(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("train.py"), "print(1)\n");
    Files.createDirectories(dir.resolve("lib/__pycache__"));
    Files.writeString(dir.resolve("lib/util.py"), "X = 1\n");
    Files.writeString(dir.resolve("lib/__pycache__/util.pyc"), "bytecode");
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/big.csv"), "a,b\n");
    Files.writeString(dir.resolve("data/keep.csv"), "a,b\n");
    Files.writeString(dir.resolve(".gitignore"), "*.py\n");
    Files.writeString(
        dir.resolve(".amlignore"),
        """
        # ours wins over .gitignore
        __pycache__/
        /data/*
        !/data/keep.csv
        """);
    try (ArmMock mock = new ArmMock()) {
      AzureMlClient client = mock.client();
      mock.reply(404, "{\"error\":{\"code\":\"UserError\",\"message\":\"not found\"}}");
      mock.reply(
          200,
          "{\"blobReferenceForConsumption\":{\"blobUri\":\"https://acct.blob.core"
              + ".windows.net/azureml-blobstore/LocalUpload/abc/\",\"credential\":{\"credentialType\":"
              + "\"SAS\",\"sasUri\":\"https://acct.blob.core.windows.net/azureml-blobstore/"
              + "LocalUpload/abc/?sv=1&sig=S\"}}}");
      mock.reply(201, version("codes", "train", "v", "{\"codeUri\":\"https://acct\"}"));
      mock.reply(200, version("codes", "train", "v", "{\"codeUri\":\"https://acct\"}"));

      CodeSnapshot first = client.uploadCode("train", dir);
      CodeSnapshot second = client.uploadCode("train", dir);

      assertThat(first.files()).isEqualTo(5);
      assertThat(first.uploadedFiles()).isEqualTo(5);
      assertThat(mock.uploads).hasSize(1);
      assertThat(mock.uploads.get(0).getValue())
          .containsOnlyKeys(".amlignore", ".gitignore", "train.py", "lib/util.py", "data/keep.csv");
      assertThat(mock.uploads.get(0).getKey().containerUrl())
          .isEqualTo("https://acct.blob.core.windows.net/azureml-blobstore");
      assertThat(mock.uploads.get(0).getKey().prefix()).isEqualTo("LocalUpload/abc");
      assertThat(mock.uploads.get(0).getKey().toString()).doesNotContain("sig=S");
      assertThat(second.uploadedFiles()).isZero();
      List<RecordedRequest> requests = mock.all();
      assertThat(requests)
          .extracting(RecordedRequest::getMethod)
          .containsExactly("GET", "POST", "PUT", "GET");
      assertThat(requests.get(0).getPath()).isEqualTo(requests.get(3).getPath());
      assertThat(body(requests.get(2)).at("/properties/codeUri").asText())
          .isEqualTo("https://acct.blob.core.windows.net/azureml-blobstore/LocalUpload/abc/");
    }
  }

  @Test
  void environmentsDataAndModels(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("MLmodel"), "flavors: {}\n");
    try (ArmMock mock = new ArmMock()) {
      AzureMlClient client = mock.client();
      mock.reply(201, version("environments", "churn", "1", "{\"image\":\"img\"}"));
      assertThat(
              client
                  .createOrUpdateEnvironment(
                      ModelTranslation.environment(
                          Environment.builder()
                              .name("churn")
                              .pythonVersion("3.11")
                              .addPipPackages("scikit-learn==1.9.1")
                              .build()),
                      "1",
                      dir)
                  .id())
          .endsWith("/environments/churn/versions/1");

      for (DataType type : List.of(DataType.URI_FILE, DataType.URI_FOLDER, DataType.MLTABLE)) {
        mock.reply(
            201,
            version(
                "data",
                "customers",
                "1",
                "{\"dataType\":\""
                    + type
                    + "\",\"dataUri\":\"azureml://datastores/raw/paths/x\"}"));
        assertThat(
                client
                    .createOrUpdateDataVersion(
                        "customers", "1", type, "azureml://datastores/raw/paths/x")
                    .dataType())
            .isEqualTo(type);
      }
      mock.reply(
          200,
          "{\"value\":["
              + version(
                  "data", "customers", "1", "{\"dataType\":" + "\"uri_file\",\"dataUri\":\"u\"}")
              + "]}");
      assertThat(client.listDataVersions("customers").stream().count()).isEqualTo(1);

      mock.reply(201, version("models", "churn", "1", "{\"modelType\":\"custom_model\"}"));
      client.registerModelFromDatastore("churn", "1", "raw", "/models/churn/");
      mock.reply(201, version("models", "churn", "2", "{\"modelType\":\"mlflow_model\"}"));
      client.registerModelFromJob("churn", "2", "train-run-1", "model");
      mock.reply(
          200,
          "{\"value\":["
              + DatastoresAndComputesTest.datastore("workspaceblobstore", "AzureBlob")
              + "]}");
      mock.reply(200, "{\"secretsType\":\"AccountKey\",\"key\":\"CANARY-k\"}");
      mock.reply(201, version("models", "churn", "3", "{\"modelType\":\"mlflow_model\"}"));
      ModelVersion local = client.registerModelFromLocalFolder("churn", "3", dir);
      assertThat(local.version()).isEqualTo("3");

      List<RecordedRequest> requests = mock.all();
      JsonNode env = body(requests.get(0)).get("properties");
      assertThat(env.get("image").asText()).startsWith("mcr.microsoft.com/azureml/");
      assertThat(env.get("condaFile").asText())
          .contains("python=3.11")
          .contains("- scikit-learn==1.9.1");
      List<JsonNode> models =
          requests.stream()
              .filter(r -> r.getPath().contains("/models/"))
              .map(
                  r -> {
                    try {
                      return body(r).get("properties");
                    } catch (Exception e) {
                      throw new AssertionError(e);
                    }
                  })
              .collect(Collectors.toList());
      assertThat(models.get(0).get("modelUri").asText())
          .isEqualTo("azureml://datastores/raw/paths/models/churn");
      assertThat(models.get(1).get("modelUri").asText())
          .isEqualTo("azureml://jobs/train-run-1/outputs/artifacts/paths/model");
      assertThat(models.get(2).get("modelType").asText()).isEqualTo("mlflow_model");
      assertThat(models.get(2).get("modelUri").asText())
          .startsWith("azureml://datastores/workspaceblobstore/paths/LocalUpload/");
      assertThat(mock.uploads.get(0).getKey().containerUrl())
          .isEqualTo("https://sluiceraw.blob.core.windows.net/raw");
      assertThat(mock.uploads.get(0).getKey().accountKey()).isPresent();
    }
  }
}
