package io.sluice.core.model;

import java.util.List;

/**
 * Data on datastores described once and consumed by name, as Azure ML's {@code Dataset}: tabular
 * (delimited files) or files.
 */
public sealed interface Dataset extends InputSource permits TabularDataset, FileDataset {

  /** Returns the paths (or globs) the dataset reads. */
  List<DataPath> paths();

  /**
   * This dataset as a named step input, mounted.
   *
   * @param inputName the input name
   * @return the binding
   */
  default InputBinding asNamedInput(String inputName) {
    return InputBinding.of(inputName, this);
  }
}
