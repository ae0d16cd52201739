package io.sluice.core.model;

import io.sluice.core.definition.OutputMode;
import io.sluice.core.implementation.ModelChecks;
import io.sluice.core.implementation.SluiceStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Intermediate data: written by exactly one step's output, read by any number of steps. Its
 * location is assigned at run time, {@code <datastore>/sluice/runs/<runId>/<step>/<name>}.
 */
@Value.Immutable
@SluiceStyle
public abstract non-sealed class PipelineData implements InputSource {

  /** Returns the name ({@code \w+}), unique within a pipeline. */
  public abstract String name();

  /** Returns the datastore that holds it; the pipeline's default datastore when absent. */
  public abstract Optional<Datastore> datastore();

  /** Returns how the producing step writes it. */
  @Value.Default
  public OutputMode outputMode() {
    return OutputMode.MOUNT;
  }

  /** Returns where an uploaded output is written on the compute (upload mode only). */
  public abstract Optional<String> outputPathOnCompute();

  /** Returns whether an upload overwrites existing data (upload mode only). */
  public abstract Optional<Boolean> outputOverwrite();

  /** Returns whether the data is a folder (true) or a single file. */
  @Value.Default
  public boolean isDirectory() {
    return true;
  }

  /** Returns the name under which the pipeline publishes this data as one of its outputs. */
  public abstract Optional<String> pipelineOutputName();

  @Value.Check
  void check() {
    String owner = "PipelineData '" + name() + "'";
    ModelChecks.word(owner, "name", name());
    pipelineOutputName().ifPresent(n -> ModelChecks.word(owner, "pipelineOutputName", n));
    boolean upload = outputMode() == OutputMode.UPLOAD;
    ModelChecks.check(
        upload || outputPathOnCompute().isEmpty(),
        owner,
        "outputPathOnCompute",
        outputPathOnCompute().orElse(null),
        "set it only with outputMode UPLOAD");
    ModelChecks.check(
        upload || outputOverwrite().isEmpty(),
        owner,
        "outputOverwrite",
        outputOverwrite().orElse(null),
        "set it only with outputMode UPLOAD");
  }

  /**
   * Intermediate data on the pipeline's default datastore.
   *
   * @param name the name
   * @return the data
   */
  public static PipelineData of(String name) {
    return builder().name(name).build();
  }

  /** Returns this data as a mounted input named after it. */
  public InputBinding asMount() {
    return InputBinding.of(name(), this);
  }

  /** Returns this data as an input named after it, downloaded before the step starts. */
  public InputBinding asDownload() {
    return InputBinding.of(name(), this).asDownload();
  }

  /**
   * This data as an input under another name.
   *
   * @param inputName the input name
   * @return the binding, mounted
   */
  public InputBinding asInput(String inputName) {
    return InputBinding.of(inputName, this);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PipelineData}. */
  public static final class Builder extends ImmutablePipelineData.Builder {}
}
