package io.sluice.core.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A dataset consumed by a step.
 *
 * @param kind {@code tabular} or {@code file}
 * @param paths the paths it reads
 * @param separator the field separator (tabular only)
 * @param header whether the first line names the columns (tabular only)
 * @param encoding the encoding (tabular only)
 * @param columnTypes column type overrides (tabular only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetDefinition(
    String kind,
    List<DataPathDefinition> paths,
    String separator,
    Boolean header,
    String encoding,
    Map<String, ColumnType> columnTypes) {
  /** Normalises absent collections. */
  public DatasetDefinition {
    paths = Definitions.list(paths);
    columnTypes = columnTypes == null ? null : Definitions.sortedMap(columnTypes);
  }

  /**
   * Starts a dataset with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DatasetDefinition}; a value left unset is null, or empty for a collection. */
  public static final class Builder {
    private String kind;
    private List<DataPathDefinition> paths;
    private String separator;
    private Boolean header;
    private String encoding;
    private Map<String, ColumnType> columnTypes;

    private Builder() {}

    /**
     * Sets {@code tabular} or {@code file}.
     *
     * @param kind {@code tabular} or {@code file}
     * @return this builder
     */
    public Builder kind(String kind) {
      this.kind = kind;
      return this;
    }

    /**
     * Sets the paths it reads.
     *
     * @param paths the paths it reads
     * @return this builder
     */
    public Builder paths(List<DataPathDefinition> paths) {
      this.paths = paths;
      return this;
    }

    /**
     * Sets the field separator (tabular only).
     *
     * @param separator the field separator (tabular only)
     * @return this builder
     */
    public Builder separator(String separator) {
      this.separator = separator;
      return this;
    }

    /**
     * Sets whether the first line names the columns (tabular only).
     *
     * @param header whether the first line names the columns (tabular only)
     * @return this builder
     */
    public Builder header(Boolean header) {
      this.header = header;
      return this;
    }

    /**
     * Sets the encoding (tabular only).
     *
     * @param encoding the encoding (tabular only)
     * @return this builder
     */
    public Builder encoding(String encoding) {
      this.encoding = encoding;
      return this;
    }

    /**
     * Sets column type overrides (tabular only).
     *
     * @param columnTypes column type overrides (tabular only)
     * @return this builder
     */
    public Builder columnTypes(Map<String, ColumnType> columnTypes) {
      this.columnTypes = columnTypes;
      return this;
    }

    /**
     * Builds the dataset.
     *
     * @return a new dataset
     */
    public DatasetDefinition build() {
      return new DatasetDefinition(kind, paths, separator, header, encoding, columnTypes);
    }
  }
}
