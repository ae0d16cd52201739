package io.sluice.core.model;

import io.sluice.core.definition.InputMode;
import io.sluice.core.implementation.ModelChecks;
import java.util.Optional;

/**
 * A named input of a step: where the data comes from and how the step sees it. The name is the
 * widget a notebook reads, the {@code AZUREML_DATAREFERENCE_<name>} variable a script sees, and the
 * key of the step's inputs.
 *
 * @param name the input name ({@code \w+})
 * @param source the data
 * @param mode how the step sees it
 * @param pathOnCompute where a download lands on the compute, when not the default
 */
public record InputBinding(
    String name, InputSource source, InputMode mode, Optional<String> pathOnCompute) {

  /** Checks the binding. */
  public InputBinding {
    ModelChecks.word("InputBinding", "name", name);
    ModelChecks.check(
        source != null, "InputBinding '" + name + "'", "source", null, "give the data");
    ModelChecks.check(mode != null, "InputBinding '" + name + "'", "mode", null, "give a mode");
    pathOnCompute = pathOnCompute == null ? Optional.empty() : pathOnCompute;
    ModelChecks.check(
        pathOnCompute.isEmpty() || mode == InputMode.DOWNLOAD,
        "InputBinding '" + name + "'",
        "pathOnCompute",
        pathOnCompute.orElse(null),
        "set pathOnCompute only for a download; mount it with asDownload() or drop the path");
  }

  /**
   * Binds a source under a name, mounted.
   *
   * @param name the input name
   * @param source the data
   * @return the binding
   */
  public static InputBinding of(String name, InputSource source) {
    return new InputBinding(name, source, InputMode.MOUNT, Optional.empty());
  }

  /** Returns this binding, mounted. */
  public InputBinding asMount() {
    return new InputBinding(name, source, InputMode.MOUNT, Optional.empty());
  }

  /** Returns this binding, downloaded before the step starts. */
  public InputBinding asDownload() {
    return new InputBinding(name, source, InputMode.DOWNLOAD, pathOnCompute);
  }

  /**
   * This binding, downloaded to a given path on the compute.
   *
   * @param path the path on the compute
   * @return the binding
   */
  public InputBinding asDownload(String path) {
    return new InputBinding(name, source, InputMode.DOWNLOAD, Optional.of(path));
  }

  /** Returns this binding, passed as a URI the step reads itself. */
  public InputBinding asDirect() {
    return new InputBinding(name, source, InputMode.DIRECT, Optional.empty());
  }
}
