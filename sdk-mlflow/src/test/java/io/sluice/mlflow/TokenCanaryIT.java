package io.sluice.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Uses a token and a password no other test uses, through successes, server errors and injected
 * faults, then scans every log line the integration tests wrote (failsafe sends them to {@code
 * target/it-requests.log} at debug level) and every exception for them.
 */
@ExtendWith(MlflowServer.class)
class TokenCanaryIT {
  private static final String TOKEN = "tok-canary-" + UUID.randomUUID();
  private static final String PASSWORD = "pw-canary-" + UUID.randomUUID();

  @Test
  void canariesNeverReachLogsOrExceptionMessages() throws Exception {
    MlflowClient withToken =
        new MlflowClientBuilder()
            .trackingUri(MlflowServer.uri())
            .environment(Map.of("MLFLOW_TRACKING_TOKEN", TOKEN))
            .buildClient();
    String experimentId = withToken.createExperiment("canary-" + UUID.randomUUID());
    String runId = withToken.createRun(experimentId, null, List.of()).info().runId();
    Throwable notFound = catchThrowable(() -> withToken.getExperiment("987654321"));
    withToken.logParam(runId, "p", "a");
    Throwable changedParam = catchThrowable(() -> withToken.logParam(runId, "p", "b"));

    try (FaultInjectingProxy proxy = new FaultInjectingProxy(MlflowServer.uri(), 0.5)) {
      MlflowClient basic =
          new MlflowClientBuilder()
              .trackingUri(proxy.uri())
              .retryOptions(
                  new RetryOptions(
                      new ExponentialBackoffOptions()
                          .setBaseDelay(Duration.ofMillis(10))
                          .setMaxDelay(Duration.ofMillis(50))))
              .environment(
                  Map.of(
                      "MLFLOW_TRACKING_USERNAME", "sluice", "MLFLOW_TRACKING_PASSWORD", PASSWORD))
              .buildClient();
      try (MlflowRunLogger logger = basic.runLogger(runId)) {
        for (int step = 0; step < 50; step++) {
          logger.logMetric("m", step, step);
        }
      }
      Throwable refused =
          catchThrowable(
              () ->
                  new MlflowClientBuilder()
                      .trackingUri("http://127.0.0.1:1")
                      .retryOptions(
                          new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
                      .environment(Map.of("MLFLOW_TRACKING_TOKEN", TOKEN))
                      .buildClient()
                      .getRun(runId));
      Throwable badScheme =
          catchThrowable(
              () ->
                  new MlflowClientBuilder()
                      .trackingUri("ftp://sluice:" + PASSWORD + "@files.example/x")
                      .buildClient());

      assertThat(changedParam).isInstanceOf(MlflowInvalidParameterException.class);
      for (Throwable t : List.of(notFound, refused, badScheme, changedParam)) {
        assertThat(t).isNotNull();
        assertThat(stackText(t)).doesNotContain(TOKEN).doesNotContain(PASSWORD);
      }
    }

    String logs = Files.readString(Path.of("target", "it-requests.log"));
    assertThat(logs).contains("Authorization: REDACTED").contains("--> POST");
    assertThat(logs).doesNotContain(TOKEN).doesNotContain(PASSWORD);
  }

  private static String stackText(Throwable t) {
    java.io.StringWriter out = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
