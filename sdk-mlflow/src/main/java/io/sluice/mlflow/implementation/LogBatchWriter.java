package io.sluice.mlflow.implementation;

import io.sluice.mlflow.models.Metric;
import io.sluice.mlflow.models.Param;
import io.sluice.mlflow.models.Tag;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one {@code runs/log-batch} body within the server's limits: 1,000 entities, 1,000 metrics,
 * 100 params, 100 tags and 1 MB. Each entity is serialized once, when added, so the size check is
 * exact and the body is assembled from the bytes already made.
 */
public final class LogBatchWriter {
  /** Most metrics in one request. */
  public static final int MAX_METRICS = 1000;

  /** Most params in one request. */
  public static final int MAX_PARAMS = 100;

  /** Most tags in one request. */
  public static final int MAX_TAGS = 100;

  /** Most metrics, params and tags together in one request. */
  public static final int MAX_ENTITIES = 1000;

  /** Largest request body, in bytes. */
  public static final int MAX_BYTES = 1_000_000;

  private final byte[] prefix;
  private final List<byte[]> metrics = new ArrayList<>();
  private final List<byte[]> params = new ArrayList<>();
  private final List<byte[]> tags = new ArrayList<>();
  // The server rejects a batch naming a param twice; a repeated tag key goes to the next batch
  // too, so the later value still wins.
  private final Set<String> keys = new HashSet<>();
  private int bytes;

  /**
   * Starts an empty batch.
   *
   * @param runId the run the batch is for
   */
  public LogBatchWriter(String runId) {
    this.prefix = Json.write(Map.of("run_id", runId));
    // {"run_id":"…","metrics":[],"params":[],"tags":[]}
    this.bytes = prefix.length + 40;
  }

  /**
   * Adds a metric, param or tag if the batch stays within every limit.
   *
   * @param entity a {@link Metric}, {@link Param} or {@link Tag}
   * @return false when the batch is full for this entity; send it and start a new one
   * @throws IllegalArgumentException when the entity alone exceeds the size limit
   */
  public boolean tryAdd(Object entity) {
    List<byte[]> list;
    int max;
    String uniqueKey = null;
    if (entity instanceof Metric) {
      list = metrics;
      max = MAX_METRICS;
    } else if (entity instanceof Param param) {
      list = params;
      max = MAX_PARAMS;
      uniqueKey = "p:" + param.key();
    } else if (entity instanceof Tag tag) {
      list = tags;
      max = MAX_TAGS;
      uniqueKey = "t:" + tag.key();
    } else {
      throw new IllegalArgumentException("cannot log a " + entity.getClass().getName());
    }
    byte[] json = Json.write(entity);
    if (bytes + json.length + 1 > MAX_BYTES) {
      if (size() == 0) {
        throw new IllegalArgumentException(
            "one "
                + entity.getClass().getSimpleName()
                + " serializes to "
                + json.length
                + " bytes, over the "
                + MAX_BYTES
                + " byte request limit");
      }
      return false;
    }
    if (list.size() >= max
        || size() >= MAX_ENTITIES
        || (uniqueKey != null && !keys.add(uniqueKey))) {
      return false;
    }
    list.add(json);
    bytes += json.length + 1;
    return true;
  }

  /**
   * How many entities the batch holds.
   *
   * @return the count
   */
  public int size() {
    return metrics.size() + params.size() + tags.size();
  }

  /**
   * The request body.
   *
   * @return the UTF-8 JSON of the batch
   */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes);
    out.write(prefix, 0, prefix.length - 1);
    writeArray(out, "metrics", metrics);
    writeArray(out, "params", params);
    writeArray(out, "tags", tags);
    out.write('}');
    return out.toByteArray();
  }

  private static void writeArray(ByteArrayOutputStream out, String name, List<byte[]> items) {
    out.writeBytes((",\"" + name + "\":[").getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(items.get(i));
    }
    out.write(']');
  }
}
