package io.sluice.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.mlflow.implementation.Json;
import io.sluice.mlflow.models.Experiment;
import io.sluice.mlflow.models.Metric;
import io.sluice.mlflow.models.Run;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void absentListsReadAsEmptyAndInt64MayBeAString() throws Exception {
    Experiment experiment =
        Json.MAPPER.readValue(
            "{\"experiment_id\":\"1\",\"creation_time\":\"1700000000000\",\"future_field\":1}",
            Experiment.class);
    assertThat(experiment.tags()).isEmpty();
    assertThat(experiment.creationTime()).isEqualTo(1_700_000_000_000L);
    Run run =
        Json.MAPPER.readValue("{\"info\":{\"run_id\":\"r\"},\"data\":{\"tags\":null}}", Run.class);
    assertThat(run.data().metrics()).isEmpty();
    assertThat(run.data().tags()).isEmpty();
    assertThat(
            Json.MAPPER.readValue(
                "{\"key\":\"k\",\"value\":\"NaN\",\"timestamp\":1,\"step\":\"2\"}", Metric.class))
        .isEqualTo(Metric.builder("k").value(Double.NaN).timestamp(1).step(2).build());
  }
}
