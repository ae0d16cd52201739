package io.sluice.mlflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each builder puts every value in its own component; all values differ, so a swap shows. */
class ModelBuildersTest {
  @Test
  void metricBuilderFillsEachComponent() {
    assertThat(Metric.builder("loss").value(0.25).timestamp(2000).step(7).build())
        .isEqualTo(new Metric("loss", 0.25, 2000, 7));
  }

  @Test
  void aMetricWithoutATimestampIsMeasuredWhenBuilt() {
    long before = System.currentTimeMillis();
    Metric metric = Metric.builder("loss").value(0.5).build();
    long after = System.currentTimeMillis();

    assertThat(metric.timestamp()).isBetween(before, after);
    assertThat(metric.step()).isZero();
  }

  @Test
  void datasetBuilderFillsEachComponent() {
    assertThat(
            Dataset.builder()
                .name("iris")
                .digest("abc123")
                .sourceType("local")
                .source("{\"uri\":\"file:///iris.csv\"}")
                .schema("{\"mlflow_colspec\":[]}")
                .profile("{\"num_rows\":150}")
                .build())
        .isEqualTo(
            new Dataset(
                "iris",
                "abc123",
                "local",
                "{\"uri\":\"file:///iris.csv\"}",
                "{\"mlflow_colspec\":[]}",
                "{\"num_rows\":150}"));
  }
}
