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
}
