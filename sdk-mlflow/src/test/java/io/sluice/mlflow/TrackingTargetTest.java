package io.sluice.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.Context;
import io.sluice.core.http.SluiceHttpPipelineBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

class TrackingTargetTest {
  private static final String CANARY = "dapi-canary-0f9e8d7c";

  @TempDir Path home;

  /** The Authorization header the target's authentication sends to its base URL. */
  private static String authorization(TrackingTarget target) {
    AtomicReference<String> seen = new AtomicReference<>();
    SluiceHttpPipelineBuilder builder =
        new SluiceHttpPipelineBuilder()
            .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
            .httpClient(
                request -> {
                  seen.set(
                      request
                          .getHeaders()
                          .getValue(com.azure.core.http.HttpHeaderName.AUTHORIZATION));
                  // Nothing to answer: the header is all this test wants.
                  return Mono.error(new IllegalStateException("captured"));
                });
    target.authentication.accept(builder);
    assertThatThrownBy(
            () ->
                builder
                    .build()
                    .sendSync(new HttpRequest(HttpMethod.GET, target.baseUrl + "/x"), Context.NONE))
        .hasMessageContaining("captured");
    return seen.get();
  }

  @Test
  void httpUsesTheArgumentThenTheEnvironmentThenTheDefault() {
    assertThat(
            TrackingTarget.resolve(
                    "http://a:1/", Map.of("MLFLOW_TRACKING_URI", "http://b:2"), null, false)
                .baseUrl)
        .isEqualTo("http://a:1");
    assertThat(
            TrackingTarget.resolve(null, Map.of("MLFLOW_TRACKING_URI", "http://b:2"), null, false)
                .baseUrl)
        .isEqualTo("http://b:2");
    assertThat(TrackingTarget.resolve(null, Map.of(), null, false).baseUrl)
        .isEqualTo("http://localhost:5000");
  }

  @Test
  void httpCredentialsComeFromTheMlflowVariables() {
    assertThat(
            authorization(
                TrackingTarget.resolve(
                    "https://h", Map.of("MLFLOW_TRACKING_TOKEN", CANARY), null, false)))
        .isEqualTo("Bearer " + CANARY);
    assertThat(
            authorization(
                TrackingTarget.resolve(
                    "https://h",
                    Map.of("MLFLOW_TRACKING_USERNAME", "u", "MLFLOW_TRACKING_PASSWORD", "p"),
                    null,
                    false)))
        .isEqualTo("Basic dTpw");
    assertThat(authorization(TrackingTarget.resolve("https://h", Map.of(), null, false))).isNull();
    assertThatThrownBy(
            () ->
                TrackingTarget.resolve(
                    "https://h", Map.of("MLFLOW_TRACKING_USERNAME", "u"), null, false))
        .isInstanceOf(MlflowConfigurationException.class)
        .hasMessageContaining("MLFLOW_TRACKING_PASSWORD");
  }

  @Test
  void databricksProfilesWithUnderscoresAndEnvironment() throws IOException {
    Path config = home.resolve(".databrickscfg");
    Files.writeString(
        config,
        String.join(
            "\n",
            "[DEFAULT]",
            "host = https://default.azuredatabricks.net",
            "token = dapi-default",
            "",
            "# a comment",
            "[my_team-dev]",
            "host = adb-123.4.azuredatabricks.net",
            "token = " + CANARY));
    Map<String, String> env = Map.of("HOME", home.toString());

    TrackingTarget profile = TrackingTarget.resolve("databricks://my_team-dev", env, null, false);
    assertThat(profile.baseUrl).isEqualTo("https://adb-123.4.azuredatabricks.net");
    assertThat(authorization(profile)).isEqualTo("Bearer " + CANARY);
    assertThat(TrackingTarget.resolve("databricks", env, null, false).baseUrl)
        .isEqualTo("https://default.azuredatabricks.net");
    assertThat(
            TrackingTarget.resolve(
                    "databricks",
                    Map.of("DATABRICKS_HOST", "https://env.net", "DATABRICKS_TOKEN", "t"),
                    null,
                    false)
                .baseUrl)
        .isEqualTo("https://env.net");

    assertThatThrownBy(() -> TrackingTarget.resolve("databricks://other_profile", env, null, false))
        .isInstanceOf(MlflowConfigurationException.class)
        .hasMessageContaining("'other_profile'")
        .hasMessageContaining("[DEFAULT, my_team-dev]")
        .hasMessageNotContaining(CANARY);
    assertThatThrownBy(() -> TrackingTarget.resolve("databricks://scope:prefix", env, null, false))
        .isInstanceOf(MlflowConfigurationException.class)
        .hasMessageContaining("secret-scope");
  }

  @Test
  void azureMlNeedsACredentialAndUsesHttps() {
    String uri =
        "azureml://westeurope.api.azureml.ms/mlflow/v1.0/subscriptions/s/resourceGroups/r"
            + "/providers/Microsoft.MachineLearningServices/workspaces/w";
    assertThatThrownBy(() -> TrackingTarget.resolve(uri, Map.of(), null, false))
        .isInstanceOf(MlflowConfigurationException.class)
        .hasMessageContaining("TokenCredential");
    TokenCredential credential =
        request ->
            Mono.just(new AccessToken(CANARY, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
    TrackingTarget target = TrackingTarget.resolve(uri, Map.of(), credential, false);
    assertThat(target.baseUrl)
        .startsWith("https://westeurope.api.azureml.ms/mlflow/v1.0/subscriptions/s/");
    assertThat(authorization(target)).isEqualTo("Bearer " + CANARY);
  }

  @Test
  void unsupportedSchemesFailWithWhatToUse() {
    for (String uri :
        new String[] {"file:///tmp/mlruns", "sqlite:///mlflow.db", "./mlruns", "ftp://x"}) {
      assertThatThrownBy(() -> new MlflowClientBuilder().trackingUri(uri).buildClient())
          .isInstanceOf(MlflowConfigurationException.class)
          .hasMessageContaining("does not serve")
          .hasMessageContaining("databricks://<profile>");
    }
  }

  @Test
  void builderRejectsBadValuesNamingTheField() {
    assertThatThrownBy(() -> new MlflowClientBuilder().asyncQueueCapacity(0))
        .hasMessageContaining("'asyncQueueCapacity' is 0");
  }
}
