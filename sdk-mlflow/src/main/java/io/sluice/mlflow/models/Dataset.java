package io.sluice.mlflow.models;

/**
 * A dataset a run used, identified by name and digest. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * Dataset customers = Dataset.builder()
 *     .name("customers")
 *     .digest("7d3f0c1a")
 *     .sourceType("http")
 *     .source("{\"url\":\"https://example.com/customers.csv\"}")
 *     .build();
 * }</pre>
 *
 * @param name the dataset name
 * @param digest a digest of its content, for example a hash
 * @param sourceType the kind of source, for example {@code local}, {@code http} or {@code
 *     delta_table}
 * @param source a JSON description of the source, for example {@code {"uri":"abfss://…"}}
 * @param schema a JSON description of the schema, or null
 * @param profile a JSON summary such as the row count, or null
 */
public record Dataset(
    String name, String digest, String sourceType, String source, String schema, String profile) {
  /**
   * Starts a dataset with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Dataset}; MLflow requires the name, digest, source type and source. */
  public static final class Builder {
    private String name;
    private String digest;
    private String sourceType;
    private String source;
    private String schema;
    private String profile;

    private Builder() {}

    /**
     * Names the dataset.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets a digest of the dataset's content.
     *
     * @param digest for example a hash
     * @return this builder
     */
    public Builder digest(String digest) {
      this.digest = digest;
      return this;
    }

    /**
     * Sets the kind of source.
     *
     * @param sourceType for example {@code local}, {@code http} or {@code delta_table}
     * @return this builder
     */
    public Builder sourceType(String sourceType) {
      this.sourceType = sourceType;
      return this;
    }

    /**
     * Describes the source.
     *
     * @param source JSON, for example {@code {"uri":"abfss://…"}}
     * @return this builder
     */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /**
     * Describes the schema.
     *
     * @param schema JSON, or null
     * @return this builder
     */
    public Builder schema(String schema) {
      this.schema = schema;
      return this;
    }

    /**
     * Summarises the content.
     *
     * @param profile JSON such as the row count, or null
     * @return this builder
     */
    public Builder profile(String profile) {
      this.profile = profile;
      return this;
    }

    /**
     * Builds the dataset.
     *
     * @return a new dataset
     */
    public Dataset build() {
      return new Dataset(name, digest, sourceType, source, schema, profile);
    }
  }
}
