package io.sluice.testing;

import io.sluice.core.definition.DataDefinition;
import io.sluice.core.definition.DataPathDefinition;
import io.sluice.core.definition.InputDefinition;
import io.sluice.core.definition.ParameterDefinition;
import io.sluice.core.definition.ParameterType;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.model.Argument;
import io.sluice.core.model.DataPath;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.InputBinding;
import io.sluice.core.model.ParameterTypes;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.Step;
import io.sluice.core.semantics.RunParameters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the assertions check, taken alike from a {@link Pipeline} (the model, not compiled) or a
 * {@link PipelineDefinition} (compiled), so that each check is written once.
 *
 * @param kind {@code pipeline} or {@code pipeline definition}, for messages
 * @param name the pipeline's name
 * @param steps the steps by name, in the pipeline's order (the definition's order is topological)
 * @param parameters the parameters by name
 */
record PipelineFacts(
    String kind,
    String name,
    Map<String, StepFacts> steps,
    Map<String, ParameterFacts> parameters) {

  /**
   * One step.
   *
   * @param name the step's name
   * @param dependsOn the steps it waits for directly, sorted
   * @param why for each of those, why it waits (empty when unknown)
   * @param consumes the intermediate data it reads, by data name
   * @param inputs its input names
   * @param produces the intermediate data it writes
   */
  record StepFacts(
      String name,
      List<String> dependsOn,
      Map<String, String> why,
      List<String> consumes,
      List<String> inputs,
      List<String> produces) {

    /** The facts of a compiled step; {@code definition} (may be null) explains dependencies. */
    static StepFacts of(StepDefinition step, PipelineDefinition definition) {
      Map<String, String> why = new TreeMap<>();
      if (definition != null) {
        for (InputDefinition input : step.inputs()) {
          Optional.ofNullable(input.data())
              .flatMap(definition::data)
              .map(DataDefinition::producer)
              .filter(step.dependsOn()::contains)
              .ifPresent(p -> why.merge(p, consumesReason(input.data(), p), PipelineFacts::both));
        }
        step.dependsOn().forEach(d -> why.putIfAbsent(d, "runAfter('" + d + "')"));
      }
      return new StepFacts(
          step.name(),
          sorted(step.dependsOn()),
          why,
          step.inputs().stream().map(InputDefinition::data).filter(d -> d != null).toList(),
          step.inputs().stream().map(InputDefinition::name).toList(),
          step.outputs());
    }

    /** The facts of a model step, given who produces each data name in its pipeline. */
    static StepFacts of(Step step, Map<String, String> producers) {
      Map<String, String> why = new TreeMap<>();
      List<String> consumes = new ArrayList<>();
      for (InputBinding input : step.inputs()) {
        if (input.source() instanceof PipelineData data) {
          consumes.add(data.name());
          String producer = producers.get(data.name());
          if (producer != null && !producer.equals(step.name())) {
            why.merge(producer, consumesReason(data.name(), producer), PipelineFacts::both);
          }
        }
      }
      step.runAfter().forEach(r -> why.merge(r, "runAfter('" + r + "')", PipelineFacts::both));
      return new StepFacts(
          step.name(),
          List.copyOf(why.keySet()),
          why,
          consumes,
          step.inputs().stream().map(InputBinding::name).toList(),
          step.outputs().stream().map(PipelineData::name).toList());
    }
  }

  /**
   * A parameter and its default.
   *
   * @param type its type
   * @param value its default: a String, Integer, Long, Double or Boolean, or {@code datastore:path}
   *     for a data path
   */
  record ParameterFacts(ParameterType type, Object value) {

    /** The parameter form of a value a test expects; null when no parameter can have it. */
    static ParameterFacts expected(Object value) {
      if (value instanceof DataPathDefinition p) {
        return new ParameterFacts(ParameterType.DATA_PATH, p.datastore() + ":" + p.path());
      }
      if (value instanceof DataPath p) {
        return new ParameterFacts(ParameterType.DATA_PATH, p.toString());
      }
      return ParameterTypes.of(value).map(t -> new ParameterFacts(t, value)).orElse(null);
    }

    static ParameterFacts of(ParameterDefinition parameter) {
      return new ParameterFacts(
          parameter.type(), expected(RunParameters.defaultValue(parameter)).value());
    }

    static ParameterFacts of(PipelineParameter<?> parameter) {
      return expected(parameter.defaultValue());
    }

    @Override
    public String toString() {
      return (value instanceof String ? "\"" + value + "\"" : String.valueOf(value))
          + " ("
          + type
          + ")";
    }
  }

  static PipelineFacts of(PipelineDefinition definition) {
    Map<String, StepFacts> steps = new LinkedHashMap<>();
    definition.steps().forEach(s -> steps.put(s.name(), StepFacts.of(s, definition)));
    Map<String, ParameterFacts> parameters = new TreeMap<>();
    definition.parameters().forEach(p -> parameters.put(p.name(), ParameterFacts.of(p)));
    return new PipelineFacts("pipeline definition", definition.name(), steps, parameters);
  }

  static PipelineFacts of(Pipeline pipeline) {
    Map<String, String> producers = new HashMap<>();
    pipeline
        .steps()
        .forEach(s -> s.outputs().forEach(o -> producers.putIfAbsent(o.name(), s.name())));
    Map<String, StepFacts> steps = new LinkedHashMap<>();
    pipeline.steps().forEach(s -> steps.putIfAbsent(s.name(), StepFacts.of(s, producers)));
    Map<String, ParameterFacts> parameters = new TreeMap<>();
    pipeline.parameters().forEach(p -> parameters.putIfAbsent(p.name(), ParameterFacts.of(p)));
    for (Step step : pipeline.steps()) {
      parametersOf(step).forEach(p -> parameters.putIfAbsent(p.name(), ParameterFacts.of(p)));
    }
    return new PipelineFacts("pipeline", pipeline.name(), steps, parameters);
  }

  /** The parameters a model step uses, wherever it uses them. */
  private static List<PipelineParameter<?>> parametersOf(Step step) {
    List<Argument> arguments = new ArrayList<>();
    List<PipelineParameter<?>> found = new ArrayList<>();
    if (step instanceof PythonScriptStep script) {
      arguments.addAll(script.arguments());
      arguments.addAll(script.params().values());
      found.addAll(script.runconfigPipelineParams().values());
    } else if (step instanceof DatabricksStep databricks) {
      arguments.addAll(databricks.notebookParams().values());
      arguments.addAll(databricks.pythonScriptParams());
      arguments.addAll(databricks.jarParams());
    }
    arguments.stream()
        .filter(Argument.Parameter.class::isInstance)
        .map(a -> ((Argument.Parameter) a).parameter())
        .forEach(found::add);
    return found;
  }

  Optional<StepFacts> step(String stepName) {
    return Optional.ofNullable(steps.get(stepName));
  }

  /** Every step {@code stepName} waits for, directly or through others, sorted. */
  Set<String> upstreamOf(String stepName) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(stepName));
    while (!todo.isEmpty()) {
      StepFacts step = steps.get(todo.pop());
      if (step != null) {
        step.dependsOn().stream().filter(seen::add).forEach(todo::push);
      }
    }
    return seen;
  }

  /**
   * A path of direct dependencies from {@code from} up to {@code to}, as {@code from <- x <- to}.
   */
  Optional<String> dependencyPath(String from, String to) {
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      String current = todo.removeFirst();
      if (current.equals(to)) {
        List<String> path = new ArrayList<>();
        for (String s = to; s != null; s = cameFrom.get(s)) {
          path.add(0, s);
        }
        return Optional.of(String.join(" <- ", path));
      }
      StepFacts step = steps.get(current);
      if (step != null) {
        for (String next : step.dependsOn()) {
          if (!cameFrom.containsKey(next) && !next.equals(from)) {
            cameFrom.put(next, current);
            todo.addLast(next);
          }
        }
      }
    }
    return Optional.empty();
  }

  String describe() {
    return kind + " '" + name + "'";
  }

  String stepNames() {
    return list(steps.keySet());
  }

  String describeParameters() {
    return parameters.isEmpty()
        ? "it has none"
        : "its parameters are "
            + parameters.entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", ", "[", "]"));
  }

  static String list(Collection<String> names) {
    return names.stream().collect(Collectors.joining(", ", "[", "]"));
  }

  private static List<String> sorted(List<String> names) {
    return names.stream().sorted().toList();
  }

  private static String consumesReason(String data, String producer) {
    return "consumes '" + data + "' produced by '" + producer + "'";
  }

  private static String both(String first, String second) {
    return first + " and " + second;
  }
}
