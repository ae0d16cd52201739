package io.sluice.core.compiler;

import io.sluice.core.definition.ParameterType;
import io.sluice.core.model.Argument;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.DataPath;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.DbfsDatastore;
import io.sluice.core.model.InputBinding;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.Step;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The model-level rules a step must follow beyond its graph and its sources: what its arguments
 * refer to, which parameters it may use where, which datastores its kind can reach, and the
 * warnings about a pipeline that compiles but will not do what was meant.
 */
final class StepRules {
  /** Where a step without a compute target runs. */
  static final ComputeTarget LOCAL = ComputeTarget.local();

  private final References references;
  private final Problems problems;

  StepRules(References references, Problems problems) {
    this.references = references;
    this.problems = problems;
  }

  /** Registers what a step refers to and checks it, with the rules of the step's kind. */
  void checkReferences(Step step, StepTranslator translator) {
    references.compute(step.computeTarget().orElse(LOCAL), step.name());
    translator.checkReferences(this, references, ports(step));
  }

  /**
   * Registers the parameters a step's arguments use and checks that each port argument names one of
   * the step's inputs or outputs.
   */
  void arguments(Step step, Collection<Argument> arguments, Collection<String> ports) {
    for (Argument argument : arguments) {
      if (argument instanceof Argument.Parameter p) {
        references.parameter(p.parameter(), step.name());
      } else if (argument instanceof Argument.Port port && !ports.contains(port.port())) {
        problems.error(
            step.name(),
            "arguments",
            "argument refers to '"
                + port.port()
                + "', which is neither an input nor an output of the step; add it to inputs or"
                + " outputs");
      }
    }
  }

  /** Registers the parameters that set run configuration properties, which take integers only. */
  void runconfigParameters(Step step, Map<String, PipelineParameter<?>> parameters) {
    parameters.forEach(
        (property, parameter) -> {
          references.parameter(parameter, step.name());
          if (parameter.type() != ParameterType.INTEGER) {
            problems.error(
                step.name(),
                "runconfigPipelineParams",
                property
                    + " takes an Integer parameter, but '"
                    + parameter.name()
                    + "' is "
                    + parameter.type()
                    + "; use PipelineParameter.of(\""
                    + parameter.name()
                    + "\", 1)");
          }
        });
  }

  /** A step that runs on Azure ML cannot reach a DBFS datastore. */
  void noDbfs(Step step) {
    if (usesDbfs(step)) {
      problems.error(
          step.name(),
          "inputs",
          "a PythonScriptStep cannot read or write a DBFS datastore; use a Blob, ADLS Gen2 or"
              + " local datastore, or a DatabricksStep");
    }
  }

  /**
   * Warns about outputs nobody reads or publishes (in name order) and about Databricks steps with
   * no cluster (in the order listed).
   */
  void warnings(List<DataNode> sortedData, List<String> withoutCluster) {
    for (DataNode node : sortedData) {
      if (node.consumers().isEmpty() && node.data().pipelineOutputName().isEmpty()) {
        problems.warning(
            node.producer(),
            "outputs",
            "output '"
                + node.data().name()
                + "' is not consumed by any step; consume it, publish it with"
                + " pipelineOutputName, or remove it");
      }
    }
    for (String step : withoutCluster) {
      problems.warning(
          step,
          "cluster",
          "no cluster is set on the step, its runconfig or its DatabricksCompute; it runs"
              + " locally, but the Databricks transport needs one");
    }
  }

  /** The names of a step's inputs and outputs; a list is the faster set for the usual handful. */
  private static Collection<String> ports(Step step) {
    int count = step.inputs().size() + step.outputs().size();
    Collection<String> ports = count > 16 ? new HashSet<>(count * 2) : new ArrayList<>(count);
    step.inputs().forEach(input -> ports.add(input.name()));
    step.outputs().forEach(output -> ports.add(output.name()));
    return ports;
  }

  // By index: every step is checked, and an iterator per list showed in the compiler's garbage.
  private boolean usesDbfs(Step step) {
    List<PipelineData> outputs = step.outputs();
    for (int i = 0; i < outputs.size(); i++) {
      if (references.datastoreOf(outputs.get(i)) instanceof DbfsDatastore) {
        return true;
      }
    }
    List<InputBinding> inputs = step.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      if (usesDbfs(inputs.get(i))) {
        return true;
      }
    }
    return false;
  }

  private boolean usesDbfs(InputBinding input) {
    if (input.source() instanceof PipelineData d) {
      return references.datastoreOf(d) instanceof DbfsDatastore;
    }
    if (input.source() instanceof DataPath p) {
      return p.datastore() instanceof DbfsDatastore;
    }
    return input.source() instanceof Dataset ds
        && ds.paths().stream().anyMatch(p -> p.datastore() instanceof DbfsDatastore);
  }
}
