package io.sluice.azureml.transport;

import io.sluice.core.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code azureml} transport's settings besides its workspace, read from the provider's
 * key/value map ({@code configFile} and {@code endpoint} are read where the client is built).
 */
record AzureMlTransportSettings(
    Path baseDirectory, Optional<String> defaultCompute, Duration pollInterval) {

  static AzureMlTransportSettings from(Map<String, String> configuration) {
    return new AzureMlTransportSettings(
        Path.of(configuration.getOrDefault("baseDirectory", "")).toAbsolutePath(),
        Optional.ofNullable(configuration.get("defaultCompute")),
        Duration.ofSeconds(seconds(configuration.getOrDefault("pollIntervalSeconds", "5"))));
  }

  private static long seconds(String value) {
    try {
      long seconds = Long.parseLong(value.strip());
      if (seconds >= 1) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      throw refused(value, e);
    }
    throw refused(value, null);
  }

  private static ConfigurationException refused(String value, Throwable cause) {
    return new ConfigurationException(
        AzureMlTransportProvider.NAME
            + " transport: pollIntervalSeconds is '"
            + value
            + "'; use a whole number of seconds, 1 or more",
        cause);
  }
}
