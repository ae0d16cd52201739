package io.sluice.databricks.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.databricks.DatabricksClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {
  @TempDir Path home;

  private Path config(String text) throws Exception {
    Path file = home.resolve(".databrickscfg");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void explicitValuesWinOverTheEnvironment() {
    ResolvedConfig c =
        ConfigResolver.resolve(
            "https://a.net",
            "t1",
            false,
            null,
            null,
            Map.of(
                "DATABRICKS_HOST",
                "https://b.net",
                "DATABRICKS_TOKEN",
                "t2",
                "HOME",
                home.toString()));
    assertThat(c.host()).isEqualTo("https://a.net");
    assertThat(c.token()).isEqualTo("t1");
  }

  @Test
  void theEnvironmentFillsWhatIsUnsetAndTheFileIsThenSkipped() throws Exception {
    config("[DEFAULT]\nhost = https://file.net\ntoken = file-token\n");
    ResolvedConfig c =
        ConfigResolver.resolve(
            null,
            null,
            false,
            null,
            null,
            Map.of(
                "DATABRICKS_HOST",
                "adb-1.2.azuredatabricks.net/",
                "DATABRICKS_TOKEN",
                "env-token",
                "HOME",
                home.toString()));
    assertThat(c.host()).isEqualTo("https://adb-1.2.azuredatabricks.net");
    assertThat(c.token()).isEqualTo("env-token");
  }

  @Test
  void profilesWithUnderscoresAndTheDefaultProfileSetting() throws Exception {
    config(
        """
        ; comment
        [__settings__]
        default_profile = team_dev

        [DEFAULT]
        host = https://default.net
        token = d

        [team_dev]
        host = https://dev.net
        token = dev-token
        """);
    Map<String, String> env = Map.of("HOME", home.toString());
    assertThat(ConfigResolver.resolve(null, null, false, null, null, env).host())
        .isEqualTo("https://dev.net");
    assertThat(ConfigResolver.resolve(null, null, false, "DEFAULT", null, env).token())
        .isEqualTo("d");
    assertThat(
            ConfigResolver.resolve(
                    null,
                    null,
                    false,
                    null,
                    null,
                    Map.of("HOME", home.toString(), "DATABRICKS_CONFIG_PROFILE", "DEFAULT"))
                .host())
        .isEqualTo("https://default.net");
    // With a TokenCredential, the profile gives only the host.
    ResolvedConfig entra = ConfigResolver.resolve(null, null, true, "team_dev", null, env);
    assertThat(entra.host()).isEqualTo("https://dev.net");
    assertThat(entra.token()).isNull();
  }

  @Test
  void missingPiecesNameTheirFix() throws Exception {
    Path file = config("[prod]\nhost = https://p.net\n");
    Map<String, String> env = Map.of("HOME", home.toString());
    assertThatThrownBy(() -> ConfigResolver.resolve(null, null, false, "staging", null, env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("profile 'staging' is not in " + file)
        .hasMessageContaining("profiles there: prod");
    assertThatThrownBy(() -> ConfigResolver.resolve(null, null, false, "prod", null, env))
        .hasMessageContaining("No Databricks credential for https://p.net");
    assertThatThrownBy(() -> ConfigResolver.resolve(null, "t", false, null, null, env))
        .hasMessageContaining("No Databricks host");
    assertThatThrownBy(
            () ->
                new DatabricksClientBuilder()
                    .endpoint("https://a.net")
                    .token("t")
                    .environment(env)
                    .pollInterval(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(5))
                    .buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'pollInterval' is PT0.5S; use at least PT2S");
  }

  @Test
  void aMalformedLineIsNamedByNumberWithoutItsContent() throws Exception {
    config("[DEFAULT]\nhost = https://x.net\ndapi-secret-without-equals\n");
    assertThatThrownBy(
            () ->
                ConfigResolver.resolve(
                    null, null, false, "DEFAULT", null, Map.of("HOME", home.toString())))
        .hasMessageContaining("line 3")
        .hasMessageNotContaining("dapi-secret");
  }

  @Test
  void theResolvedConfigNeverPrintsItsToken() {
    assertThat(new ResolvedConfig("https://a.net", "dapi-secret", "env").toString())
        .doesNotContain("dapi-secret");
  }
}
