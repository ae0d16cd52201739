package io.sluice.core.model;

import io.sluice.core.definition.ColumnType;
import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.SluiceStyle;
import java.nio.charset.Charset;
import java.util.Map;
import org.immutables.value.Value;

/** Delimited files read as a table, as {@code Dataset.Tabular.from_delimited_files}. */
@Value.Immutable
@SluiceStyle
public abstract non-sealed class TabularDataset implements Dataset {

  /** Returns the field separator, {@code ,} by default. */
  @Value.Default
  public String separator() {
    return ",";
  }

  /** Returns whether the first line holds column names. */
  @Value.Default
  public boolean header() {
    return true;
  }

  /** Returns the files' encoding, {@code utf-8} by default. */
  @Value.Default
  public String encoding() {
    return "utf-8";
  }

  /** Returns column types that override inference, by column name. */
  public abstract Map<String, ColumnType> columnTypes();

  @Value.Check
  void check() {
    ModelChecks.check(
        !paths().isEmpty(), "TabularDataset", "paths", "", "give at least one data path");
    ModelChecks.check(
        separator().length() == 1,
        "TabularDataset",
        "separator",
        separator(),
        "use a single character");
    ModelChecks.check(
        supported(encoding()),
        "TabularDataset",
        "encoding",
        encoding(),
        "use a charset name such as utf-8 or latin1");
  }

  private static boolean supported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalArgumentException e) {
      return false; // an illegal charset name
    }
  }

  /**
   * A tabular dataset over delimited files with default options.
   *
   * @param paths the files or globs
   * @return the dataset
   */
  public static TabularDataset fromDelimitedFiles(DataPath... paths) {
    return builder().addPaths(paths).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TabularDataset}. */
  public static final class Builder extends ImmutableTabularDataset.Builder {}
}
