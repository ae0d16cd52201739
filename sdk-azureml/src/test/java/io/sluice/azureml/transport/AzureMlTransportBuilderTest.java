package io.sluice.azureml.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.sluice.azureml.ArmMock;
import io.sluice.core.ConfigurationException;
import io.sluice.core.Sluice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

class AzureMlTransportBuilderTest {
  private static final TokenCredential CREDENTIAL =
      request -> Mono.just(new AccessToken("t", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));

  @TempDir Path dir;

  @Test
  void theTypedBuilderGivesTheSettingsOfTheEquivalentMap() {
    AzureMlTransportBuilder typed =
        AzureMlTransport.builder().baseDirectory(dir).defaultCompute("cpu").pollIntervalSeconds(7);
    AzureMlTransportSettings fromMap =
        AzureMlTransportSettings.from(
            Map.of(
                "baseDirectory",
                dir.toString(),
                "defaultCompute",
                "cpu",
                "pollIntervalSeconds",
                "7"));

    assertThat(typed.settings()).isEqualTo(fromMap);
    assertThat(fromMap)
        .isEqualTo(new AzureMlTransportSettings(dir, Optional.of("cpu"), Duration.ofSeconds(7)));
    assertThat(AzureMlTransport.builder().settings())
        .isEqualTo(AzureMlTransportSettings.from(Map.of()));
    try (ArmMock mock = new ArmMock()) {
      assertThat(typed.client(mock.client()).build().name()).isEqualTo("azureml");
    }
  }

  @Test
  void aGivenCredentialSignsInInsteadOfDefaultAzureCredential() throws Exception {
    // azure-identity is not on the test class path, so DefaultAzureCredential would fail.
    Files.writeString(
        dir.resolve("config.json"),
        "{\"subscription_id\":\"00000000-0000-0000-0000-000000000009\","
            + "\"resource_group\":\"rg-x\",\"workspace_name\":\"ws-x\"}");

    assertThat(AzureMlTransport.builder().configFile(dir).credential(CREDENTIAL).build().name())
        .isEqualTo("azureml");
    assertThat(
            catchThrowable(() -> Sluice.transport("azureml", Map.of("configFile", dir.toString()))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("azure-identity");
  }

  @Test
  void aBadValueIsRefusedWithTheSameMessageBothWays() {
    Throwable typed =
        catchThrowable(() -> AzureMlTransport.builder().pollIntervalSeconds(0).build());
    Throwable map =
        catchThrowable(() -> Sluice.transport("azureml", Map.of("pollIntervalSeconds", "0")));

    assertThat(typed)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "azureml transport: pollIntervalSeconds is '0'; use a whole number of seconds, 1 or more");
    assertThat(map).isInstanceOf(ConfigurationException.class).hasMessage(typed.getMessage());
    assertThat(
            catchThrowable(() -> Sluice.transport("azureml", Map.of("pollIntervalSeconds", "5s"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "azureml transport: pollIntervalSeconds is '5s'; use a whole number of seconds, 1 or more");
  }
}
