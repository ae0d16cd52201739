package io.sluice.databricks.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.core.ConfigurationException;
import io.sluice.core.Sluice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabricksTransportBuilderTest {
  @Test
  void theTypedBuilderGivesTheSettingsOfTheEquivalentMap() {
    DatabricksTransportBuilder typed =
        DatabricksTransport.builder()
            .host("https://adb-1.2.azuredatabricks.net")
            .profile("dev")
            .dataRoot("dbfs:/tmp/sluice/")
            .workspaceRoot("/Shared/team")
            .secretScope("team")
            .baseDirectory(Path.of("src/main/pipeline"))
            .scriptSparkVersion("14.3.x-scala2.12")
            .scriptNodeType("Standard_DS4_v2")
            .maxRetries(4)
            .retryDelay(Duration.ofMillis(250))
            .pollInterval(Duration.ofSeconds(5))
            .maxPollInterval(Duration.ofMinutes(1))
            .pollIntervalFloor(Duration.ofSeconds(1))
            .submitAs(SubmitAs.JOB);
    Map<String, String> keys =
        Map.ofEntries(
            Map.entry("host", "https://adb-1.2.azuredatabricks.net"),
            Map.entry("profile", "dev"),
            Map.entry("dataRoot", "dbfs:/tmp/sluice/"),
            Map.entry("workspaceRoot", "/Shared/team"),
            Map.entry("secretScope", "team"),
            Map.entry("baseDirectory", "src/main/pipeline"),
            Map.entry("scriptSparkVersion", "14.3.x-scala2.12"),
            Map.entry("scriptNodeType", "Standard_DS4_v2"),
            Map.entry("maxRetries", "4"),
            Map.entry("retryDelay", "250"),
            Map.entry("pollInterval", "PT5S"),
            Map.entry("maxPollInterval", "PT1M"),
            Map.entry("pollIntervalFloor", "PT1S"),
            Map.entry("submitAs", "job"));

    assertThat(typed.settings()).isEqualTo(TransportSettings.from(keys));
    assertThat(typed.settings().submitAsJob()).isTrue();
    assertThat(DatabricksTransport.builder().settings())
        .isEqualTo(TransportSettings.from(Map.of()));
    assertThat(DatabricksTransport.builder().submitAs(SubmitAs.RUN).settings().submitAsJob())
        .isFalse();
    assertThat(typed.build().name()).isEqualTo("databricks");
  }

  @Test
  void aBadValueIsRefusedWithTheSameMessageBothWays() {
    Throwable typed =
        catchThrowable(() -> DatabricksTransport.builder().workspaceRoot("Shared/team").build());
    Throwable map =
        catchThrowable(
            () -> Sluice.transport("databricks", Map.of("workspaceRoot", "Shared/team")));

    assertThat(typed)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "Databricks transport: workspaceRoot is 'Shared/team'; use an absolute workspace folder");
    assertThat(map).isInstanceOf(ConfigurationException.class).hasMessage(typed.getMessage());
  }

  @Test
  void thePollFloorIsTwoSecondsUnlessSetAndMustBePositive() {
    assertThat(DatabricksTransport.builder().settings().pollIntervalFloor())
        .isEqualTo(Duration.ofSeconds(2));
    Throwable typed =
        catchThrowable(
            () -> DatabricksTransport.builder().pollIntervalFloor(Duration.ZERO).build());
    Throwable map =
        catchThrowable(() -> Sluice.transport("databricks", Map.of("pollIntervalFloor", "0")));

    assertThat(map)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Databricks transport: pollIntervalFloor is '0'; use a positive duration; keep the"
                + " default PT2S unless the workspace is a stand-in on this machine");
    assertThat(typed)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Databricks transport: pollIntervalFloor is 'PT0S'");
  }
}
