package io.sluice.core.model;

import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.SluiceStyle;
import org.immutables.value.Value;

/** Files of any format, as {@code Dataset.File.from_files}. */
@Value.Immutable
@SluiceStyle
public abstract non-sealed class FileDataset implements Dataset {

  @Value.Check
  void check() {
    ModelChecks.check(
        !paths().isEmpty(), "FileDataset", "paths", "", "give at least one data path");
  }

  /**
   * A file dataset.
   *
   * @param paths the files, folders or globs
   * @return the dataset
   */
  public static FileDataset fromFiles(DataPath... paths) {
    return builder().addPaths(paths).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FileDataset}. */
  public static final class Builder extends ImmutableFileDataset.Builder {}
}
