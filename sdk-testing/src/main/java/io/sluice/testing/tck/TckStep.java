package io.sluice.testing.tck;

import io.sluice.core.model.DataPath;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.InputBinding;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step of the kit's pipelines, described once and built as either kind: each input, output and
 * named value reaches a script as {@code --<name> <value>} and a notebook as the widget {@code
 * <name>}, as Azure ML v1 passed them.
 */
public final class TckStep {
  private final String name;
  private final List<InputBinding> inputs = new ArrayList<>();
  private final List<PipelineData> outputs = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final List<String> runAfter = new ArrayList<>();
  private StepKind kind;

  TckStep(String name, StepKind kind) {
    this.name = name;
    this.kind = kind;
  }

  /**
   * Reads intermediate data under its own name.
   *
   * @param data the data
   * @return this step
   */
  public TckStep input(PipelineData data) {
    inputs.add(data.asMount());
    return this;
  }

  /**
   * Reads a datastore path under a name.
   *
   * @param inputName the input's name
   * @param path the path
   * @return this step
   */
  public TckStep input(String inputName, DataPath path) {
    inputs.add(InputBinding.of(inputName, path));
    return this;
  }

  /**
   * Reads a binding as given.
   *
   * @param binding the binding
   * @return this step
   */
  public TckStep input(InputBinding binding) {
    inputs.add(binding);
    return this;
  }

  /**
   * Writes intermediate data.
   *
   * @param data the data
   * @return this step
   */
  public TckStep output(PipelineData data) {
    outputs.add(data);
    return this;
  }

  /**
   * Passes a literal or a pipeline parameter under a name.
   *
   * @param valueName the flag (without dashes) or widget name
   * @param value a string or a {@code PipelineParameter}
   * @return this step
   */
  public TckStep value(String valueName, Object value) {
    values.put(valueName, value);
    return this;
  }

  /**
   * Starts only after another step.
   *
   * @param step the other step's name
   * @return this step
   */
  public TckStep runAfter(String step) {
    runAfter.add(step);
    return this;
  }

  /**
   * Builds this step as a given kind rather than the harness's first.
   *
   * @param stepKind the kind
   * @return this step
   */
  public TckStep kind(StepKind stepKind) {
    this.kind = stepKind;
    return this;
  }

  String name() {
    return name;
  }

  StepKind kind() {
    return kind;
  }

  Step build(TransportHarness harness, ObservedSources sources) {
    return switch (kind) {
      case PYTHON_SCRIPT -> script(harness, sources);
      case DATABRICKS_NOTEBOOK -> notebook(harness, sources);
    };
  }

  private Step script(TransportHarness harness, ObservedSources sources) {
    List<Object> arguments = new ArrayList<>();
    inputs.forEach(i -> arguments.addAll(List.of("--" + i.name(), i)));
    outputs.forEach(o -> arguments.addAll(List.of("--" + o.name(), o)));
    values.forEach((k, v) -> arguments.addAll(List.of("--" + k, v)));
    PythonScriptStep.Builder builder =
        PythonScriptStep.builder()
            .name(name)
            .sourceDirectory("src")
            .scriptName(
                sources.writeScript(name, outputs.stream().map(o -> "--" + o.name()).toList()))
            .computeTarget(harness.compute(kind))
            .addInputs(inputs.toArray(InputBinding[]::new))
            .addAllOutputs(outputs)
            .arguments(arguments.toArray());
    runAfter.forEach(builder::addRunAfter);
    return builder.build();
  }

  private Step notebook(TransportHarness harness, ObservedSources sources) {
    DatabricksStep.Builder builder =
        DatabricksStep.builder()
            .name(name)
            .sourceDirectory("src")
            .notebookPath(
                sources.writeNotebook(name, outputs.stream().map(PipelineData::name).toList()))
            .computeTarget(harness.compute(kind))
            .addInputs(inputs.toArray(InputBinding[]::new))
            .addAllOutputs(outputs);
    values.forEach(builder::notebookParam);
    runAfter.forEach(builder::addRunAfter);
    return builder.build();
  }
}
