package io.sluice.mlflow.models;

/**
 * One point of a metric's history. Build one with {@link #builder(String)}, so that the timestamp
 * and the step, both {@code long}, cannot trade places:
 *
 * <pre>{@code
 * Metric loss = Metric.builder("loss").value(0.25).step(2).build(); // measured now
 * }</pre>
 *
 * @param key the metric name
 * @param value the value
 * @param timestamp when it was measured, in milliseconds since the epoch
 * @param step the training step it belongs to
 */
public record Metric(String key, double value, long timestamp, long step) {
  /**
   * Starts a point of a metric.
   *
   * @param key the metric name
   * @return a new builder
   */
  public static Builder builder(String key) {
    return new Builder(key);
  }

  /** Builds a {@link Metric}: value 0, step 0 and the time of {@link #build()} unless set. */
  public static final class Builder {
    private final String key;
    private double value;
    private Long timestamp;
    private long step;

    private Builder(String key) {
      this.key = key;
    }

    /**
     * Sets the value.
     *
     * @param value the value
     * @return this builder
     */
    public Builder value(double value) {
      this.value = value;
      return this;
    }

    /**
     * Sets when the value was measured; the time of {@link #build()} by default.
     *
     * @param timestamp milliseconds since the epoch
     * @return this builder
     */
    public Builder timestamp(long timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /**
     * Sets the training step the value belongs to.
     *
     * @param step the step; 0 by default
     * @return this builder
     */
    public Builder step(long step) {
      this.step = step;
      return this;
    }

    /**
     * Builds the point.
     *
     * @return a new point
     */
    public Metric build() {
      return new Metric(
          key, value, timestamp != null ? timestamp : System.currentTimeMillis(), step);
    }
  }
}
