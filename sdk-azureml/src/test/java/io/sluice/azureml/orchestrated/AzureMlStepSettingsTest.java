package io.sluice.azureml.orchestrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.ConfigurationException;
import io.sluice.core.Sluice;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzureMlStepSettingsTest {
  @TempDir Path base;

  @Test
  void anUnknownAzureMlSettingFailsWhenTheTransportIsMadeNamingKeyValueAndKnownKeys() {
    assertThatThrownBy(
            () ->
                Sluice.transport(
                    "orchestrated",
                    Map.of("baseDirectory", base.toString(), "azureml.configFle", "config.json")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "orchestrated transport: unknown configuration key 'azureml.configFle' (value 'config.json');"
                + " known keys: azureml.configFile, azureml.endpoint");
  }

  @Test
  void theExecutorReadsOnlyItsOwnNamespace() {
    AzureMlStepExecutor executor = new AzureMlStepExecutor();
    assertThat(executor.settingsNamespace()).contains("azureml");
    executor.checkSettings(
        Map.of("configFile", "ws/config.json", "endpoint", "http://127.0.0.1:1"));
    assertThat(
            Sluice.transport(
                "orchestrated",
                Map.of(
                    "baseDirectory",
                    base.toString(),
                    "azureml.configFile",
                    "ws/config.json",
                    "azureml.endpoint",
                    "http://127.0.0.1:1")))
        .isNotNull();
  }
}
