package io.sluice.core.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.definition.ArgumentDefinition;
import io.sluice.core.definition.ClusterDefinition;
import io.sluice.core.definition.DataDefinition;
import io.sluice.core.definition.DataPathDefinition;
import io.sluice.core.definition.DatasetDefinition;
import io.sluice.core.definition.InputDefinition;
import io.sluice.core.definition.ParameterDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.implementation.CanonicalJson;
import io.sluice.core.model.Argument;
import io.sluice.core.model.DataPath;
import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.InputBinding;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.Step;
import io.sluice.core.model.TabularDataset;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a compiled step, its data and its parameters into definition records; the task is left to
 * the translator of the step's kind. Lists are built without streams, whose {@code toList()} the
 * definition records would copy again.
 */
final class StepDefinitions {
  private final References references;
  private final IdentityHashMap<DatabricksCluster, ClusterDefinition> clusters =
      new IdentityHashMap<>();

  StepDefinitions(References references) {
    this.references = references;
  }

  /** A step's definition, not yet fingerprinted. */
  StepDefinition step(Step step, StepTranslator translator, List<String> dependsOn) {
    return StepDefinition.builder()
        .name(step.name())
        .compute(step.computeTarget().orElse(StepRules.LOCAL).name())
        .inputs(mapped(step.inputs(), StepDefinitions::input))
        .outputs(mapped(step.outputs(), PipelineData::name))
        .dependsOn(dependsOn)
        .allowReuse(step.allowReuse())
        .version(step.version().orElse(null))
        .sourceDirectory(step.sourceDirectory().map(p -> p.replace('\\', '/')).orElse(null))
        .task(translator.task(this))
        .build();
  }

  /** A PipelineData's definition, with its consumers in name order. */
  DataDefinition data(DataNode node) {
    PipelineData d = node.data();
    List<String> consumers = node.consumers();
    consumers.sort(null); // in the order steps are listed until now; linear when that is by name
    return DataDefinition.builder()
        .name(d.name())
        .datastore(references.datastoreOf(d).name())
        .outputMode(d.outputMode())
        .directory(d.isDirectory())
        .outputPathOnCompute(d.outputPathOnCompute().orElse(null))
        .outputOverwrite(d.outputOverwrite().orElse(null))
        .pipelineOutputName(d.pipelineOutputName().orElse(null))
        .producer(node.producer())
        .consumers(List.copyOf(consumers))
        .build();
  }

  /** Many steps share one cluster object: it is translated once per compilation. */
  ClusterDefinition cluster(DatabricksCluster cluster) {
    return clusters.computeIfAbsent(cluster, ModelTranslation::cluster);
  }

  static ParameterDefinition parameter(PipelineParameter<?> p) {
    JsonNode value =
        p.defaultValue() instanceof DataPath path
            ? CanonicalJson.MAPPER.valueToTree(dataPath(path))
            : CanonicalJson.MAPPER.valueToTree(p.defaultValue());
    return new ParameterDefinition(p.name(), p.type(), value);
  }

  static List<ArgumentDefinition> arguments(List<Argument> arguments) {
    return mapped(arguments, StepDefinitions::argument);
  }

  static Map<String, ArgumentDefinition> arguments(Map<String, Argument> arguments) {
    if (arguments.isEmpty()) {
      return Map.of();
    }
    SortedMap<String, ArgumentDefinition> out = new TreeMap<>();
    arguments.forEach((k, v) -> out.put(k, argument(v)));
    // Unmodifiable and in natural order: the definition keeps it as it is, with no copy.
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * An immutable list the definition records keep as it is; a stream's {@code toList()} allows
   * nulls, so the records would copy it again.
   */
  static <T, R> List<R> mapped(List<T> list, Function<T, R> function) {
    Object[] values = new Object[list.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = function.apply(list.get(i));
    }
    @SuppressWarnings("unchecked")
    List<R> result = (List<R>) List.of(values);
    return result;
  }

  private static InputDefinition input(InputBinding input) {
    String dataName = null;
    DatasetDefinition dataset = null;
    DataPathDefinition path = null;
    if (input.source() instanceof PipelineData d) {
      dataName = d.name();
    } else if (input.source() instanceof DataPath p) {
      path = dataPath(p);
    } else if (input.source() instanceof TabularDataset t) {
      dataset =
          DatasetDefinition.builder()
              .kind("tabular")
              .paths(t.paths().stream().map(StepDefinitions::dataPath).toList())
              .separator(t.separator())
              .header(t.header())
              .encoding(t.encoding())
              .columnTypes(t.columnTypes())
              .build();
    } else if (input.source() instanceof Dataset f) {
      dataset =
          DatasetDefinition.builder()
              .kind("file")
              .paths(f.paths().stream().map(StepDefinitions::dataPath).toList())
              .build();
    }
    return InputDefinition.builder()
        .name(input.name())
        .mode(input.mode())
        .pathOnCompute(input.pathOnCompute().orElse(null))
        .data(dataName)
        .dataset(dataset)
        .path(path)
        .build();
  }

  private static DataPathDefinition dataPath(DataPath path) {
    return new DataPathDefinition(path.datastore().name(), path.pathOnDatastore());
  }

  private static ArgumentDefinition argument(Argument argument) {
    if (argument instanceof Argument.Literal l) {
      return ArgumentDefinition.literal(l.value());
    }
    if (argument instanceof Argument.Port p) {
      return ArgumentDefinition.port(p.port());
    }
    return ArgumentDefinition.parameter(((Argument.Parameter) argument).parameter().name());
  }
}
