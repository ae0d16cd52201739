package io.sluice.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.mlflow.implementation.Json;
import io.sluice.mlflow.implementation.LogBatchWriter;
import io.sluice.mlflow.models.Metric;
import io.sluice.mlflow.models.Param;
import io.sluice.mlflow.models.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBatchWriterTest {
  private static List<LogBatchWriter> split(List<Object> entities) {
    List<LogBatchWriter> batches = new ArrayList<>(List.of(new LogBatchWriter("r")));
    for (Object entity : entities) {
      if (!batches.get(batches.size() - 1).tryAdd(entity)) {
        batches.add(new LogBatchWriter("r"));
        assertThat(batches.get(batches.size() - 1).tryAdd(entity)).isTrue();
      }
    }
    return batches;
  }

  @Test
  void keepsEveryRequestWithinTheServersLimits() throws Exception {
    List<Object> entities = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      entities.add(new Param("p" + i, "v"));
    }
    for (int i = 0; i < 150; i++) {
      entities.add(new Tag("t" + i, "x".repeat(7000)));
    }
    for (int i = 0; i < 2500; i++) {
      entities.add(Metric.builder("m").value(i).timestamp(i).step(i).build());
    }
    int total = 0;
    for (LogBatchWriter batch : split(entities)) {
      byte[] json = batch.toJson();
      JsonNode node = Json.MAPPER.readTree(json);
      assertThat(json.length).isLessThanOrEqualTo(LogBatchWriter.MAX_BYTES);
      assertThat(node.get("run_id").asText()).isEqualTo("r");
      assertThat(node.get("params").size()).isLessThanOrEqualTo(100);
      assertThat(node.get("tags").size()).isLessThanOrEqualTo(100);
      assertThat(node.get("metrics").size() + node.get("params").size() + node.get("tags").size())
          .isEqualTo(batch.size())
          .isLessThanOrEqualTo(1000);
      total += batch.size();
    }
    assertThat(total).isEqualTo(entities.size());
  }

  @Test
  void aRepeatedParamOrTagKeyStartsTheNextBatch() {
    List<LogBatchWriter> batches =
        split(
            List.of(
                new Tag("k", "1"), new Param("p", "a"), new Tag("k", "2"), new Param("p", "a")));
    assertThat(batches).hasSize(2);
    assertThat(new String(batches.get(1).toJson(), StandardCharsets.UTF_8))
        .contains("\"value\":\"2\"");
  }

  @Test
  void writesTheWireFormat() throws Exception {
    LogBatchWriter batch = new LogBatchWriter("run-1");
    batch.tryAdd(Metric.builder("loss").value(0.5).timestamp(10).step(2).build());
    assertThat(Json.MAPPER.readTree(batch.toJson()))
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"run_id\":\"run-1\",\"metrics\":[{\"key\":\"loss\",\"value\":0.5,\"timestamp\":10,\"step\":2}],"
                    + "\"params\":[],\"tags\":[]}"));
  }
}
