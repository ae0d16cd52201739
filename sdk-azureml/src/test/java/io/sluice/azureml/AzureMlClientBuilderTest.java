package io.sluice.azureml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.sluice.core.ConfigurationException;
import io.sluice.core.model.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

class AzureMlClientBuilderTest {
  static final TokenCredential CREDENTIAL =
      request -> Mono.just(new AccessToken("t", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));

  @Test
  void buildsFromConfigJsonFoundInAParentFolder(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve(".azureml"));
    Files.writeString(
        dir.resolve(".azureml/config.json"),
        "{\"subscription_id\":"
            + "\"00000000-0000-0000-0000-000000000009\",\"resource_group\":\"rg-x\","
            + "\"workspace_name\":\"ws-x\"}");
    Path nested = Files.createDirectories(dir.resolve("src/pipelines"));

    AzureMlClient client =
        new AzureMlClientBuilder().configFile(nested).credential(CREDENTIAL).buildClient();

    assertThat(client.getWorkspace().name()).isEqualTo("ws-x");
    assertThat(client.getWorkspace().resourceGroup()).isEqualTo("rg-x");
  }

  @Test
  void readsTheScopeFormOfConfigJson(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        "{\"Scope\":\"/subscriptions/00000000-0000-0000-0000-000000000009/"
            + "resourceGroups/rg-y/providers/Microsoft.MachineLearningServices/workspaces/ws-y\"}");
    assertThat(
            new AzureMlClientBuilder()
                .configFile(file)
                .credential(CREDENTIAL)
                .buildClient()
                .getWorkspace()
                .name())
        .isEqualTo("ws-y");
  }

  @Test
  void missingConfigJsonNamesWhereItLooked(@TempDir Path dir) {
    assertThatThrownBy(() -> new AzureMlClientBuilder().configFile(dir))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("config.json");
  }

  @Test
  void everyIncompleteOrConflictingConfigurationIsAnIllegalStateException() {
    Workspace ws = ArmMock.WORKSPACE;
    assertThatThrownBy(() -> new AzureMlClientBuilder().credential(CREDENTIAL).buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no workspace is set")
        .hasMessageContaining("Workspace.fromConfig()");
    assertThatThrownBy(() -> new AzureMlClientBuilder().workspace(ws).buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no credential is set");
    assertThatThrownBy(
            () ->
                new AzureMlClientBuilder()
                    .workspace(ws)
                    .credential(CREDENTIAL)
                    .endpoint("management.azure.com")
                    .buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not an absolute");
    assertThatThrownBy(
            () ->
                new AzureMlClientBuilder()
                    .workspace(ws)
                    .credential(CREDENTIAL)
                    .endpoint("ftp://management.azure.com")
                    .buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("http(s)");
    assertThatThrownBy(
            () ->
                new AzureMlClientBuilder()
                    .workspace(ws)
                    .credential(CREDENTIAL)
                    .endpoint("http://management.azure.com")
                    .buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not https");
    assertThatThrownBy(
            () ->
                new AzureMlClientBuilder()
                    .workspace(ws)
                    .credential(CREDENTIAL)
                    .endpoint("https://exa mple.com")
                    .buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not a URL");
    assertThatThrownBy(() -> new AzureMlClientBuilder().pollInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pollInterval");
    assertThatThrownBy(() -> new AzureMlClientBuilder().workspace(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("workspace");
  }

  @Test
  void defaultAzureCredentialWithoutAzureIdentityNamesTheDependency() {
    assertThatThrownBy(() -> new AzureMlClientBuilder().defaultAzureCredential())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("com.azure:azure-identity");
  }

  @Test
  void defaultsToTheArmEndpointAndThePinnedVersion() {
    assertThat(AzureMlClientBuilder.DEFAULT_ENDPOINT).isEqualTo("https://management.azure.com");
    assertThat(AzureMlServiceVersion.getLatest().getVersion()).isEqualTo("2026-07-01");
    assertThat(
            new AzureMlClientBuilder()
                .workspace(ArmMock.WORKSPACE)
                .credential(CREDENTIAL)
                .buildClient())
        .isNotNull();
  }
}
