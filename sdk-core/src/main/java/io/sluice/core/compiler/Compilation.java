package io.sluice.core.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.definition.ArgumentDefinition;
import io.sluice.core.definition.DataDefinition;
import io.sluice.core.definition.DataPathDefinition;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.DatasetDefinition;
import io.sluice.core.definition.Fingerprint;
import io.sluice.core.definition.InputDefinition;
import io.sluice.core.definition.ParameterDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.PythonScriptTask;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.implementation.CanonicalJson;
import io.sluice.core.model.Argument;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.DataPath;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.DbfsDatastore;
import io.sluice.core.model.Environment;
import io.sluice.core.model.InputBinding;
import io.sluice.core.model.ParameterType;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.PythonScriptStep;
import io.sluice.core.model.RunConfiguration;
import io.sluice.core.model.Step;
import io.sluice.core.model.TabularDataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One compilation of one pipeline: indexes, validates, orders and fingerprints its steps. */
final class Compilation {
  private static final ComputeTarget LOCAL = ComputeTarget.local();

  private final Pipeline pipeline;
  private final Path base;
  private final Problems problems = new Problems();
  private final SourceManifests manifests = new SourceManifests();

  private final Map<String, Step> steps;
  // Hash maps for lookups by name (a tree map's pointer chasing dominates at 10,000 steps);
  // what the definition lists is sorted once when it is built.
  private final Map<String, PipelineData> data;
  private final Map<String, String> producers;
  private final Map<String, Set<String>> consumers;
  private final Map<String, Set<String>> dependsOn;
  private final Map<String, Datastore> datastores = new TreeMap<>();
  private final Map<String, Environment> environments = new TreeMap<>();
  private final Map<String, ComputeTarget> computes = new TreeMap<>();
  private final Map<String, PipelineParameter<?>> parameters = new TreeMap<>();
  private final Map<String, Map<String, String>> sources;
  private final Map<Object, byte[]> serialisedReferences = new java.util.IdentityHashMap<>();
  private final Map<String, SourceCheck> sourceChecks = new HashMap<>();
  private final MessageDigest digestPrototype = SourceManifests.newDigest();

  Compilation(Pipeline pipeline, Path base) {
    this.pipeline = pipeline;
    this.base = base;
    // Sized for the pipeline up front: rehashing 10,000-entry maps shows in profiles.
    int capacity = pipeline.steps().size() * 4 / 3 + 16;
    this.steps = new LinkedHashMap<>(capacity);
    this.data = new HashMap<>(capacity);
    this.producers = new HashMap<>(capacity);
    this.consumers = new HashMap<>(capacity);
    this.dependsOn = new HashMap<>(capacity);
    this.sources = new HashMap<>(capacity);
  }

  List<Problem> problems() {
    return problems.sorted();
  }

  /** Returns the definition, or null when there are errors. */
  PipelineDefinition run() {
    pipeline.defaultDatastore().ifPresent(d -> register(datastores, "Datastore", d.name(), d, null));
    pipeline.parameters().forEach(p -> registerParameter(p, null));
    indexSteps();
    indexOutputs();
    for (Step step : steps.values()) {
      indexInputs(step);
      indexRunAfter(step);
      indexReferences(step);
      checkSources(step);
    }
    List<String> order = topologicalOrder();
    List<PipelineData> sortedData = sortedByName(data);
    warnings(sortedData);
    if (problems.hasErrors()) {
      return null;
    }
    return definition(order, sortedData);
  }

  private void indexSteps() {
    for (Step step : pipeline.steps()) {
      Step earlier = steps.putIfAbsent(step.name(), step);
      if (earlier != null) {
        problems.error(
            step.name(),
            "name",
            "two steps are named '" + step.name() + "'; give each step a unique name");
      }
      dependsOn.put(step.name(), new HashSet<>());
    }
  }

  private void indexOutputs() {
    for (Step step : steps.values()) {
      for (PipelineData output : step.outputs()) {
        String producer = producers.putIfAbsent(output.name(), step.name());
        if (producer != null) {
          problems.error(
              step.name(),
              "outputs",
              "PipelineData '"
                  + output.name()
                  + "' is already an output of step '"
                  + producer
                  + "'; each PipelineData has one producer, so give this output its own"
                  + " PipelineData");
          continue;
        }
        data.put(output.name(), output);
        Optional<Datastore> store = output.datastore().or(pipeline::defaultDatastore);
        if (store.isEmpty()) {
          problems.error(
              step.name(),
              "outputs",
              "PipelineData '"
                  + output.name()
                  + "' has no datastore and the pipeline has no defaultDatastore; set one of"
                  + " them");
        }
        store.ifPresent(d -> register(datastores, "Datastore", d.name(), d, step.name()));
      }
    }
  }

  private void indexInputs(Step step) {
    for (InputBinding input : step.inputs()) {
      if (input.source() instanceof PipelineData consumed) {
        String producer = producers.get(consumed.name());
        if (producer == null) {
          inputError(
              step, consumed, input,
              "has no producer; add the step that writes it to the pipeline, or list it among"
                  + " that step's outputs");
          continue;
        }
        if (!data.get(consumed.name()).equals(consumed)) {
          inputError(
              step, consumed, input,
              "differs from the one step '" + producer + "' writes; consume the same PipelineData"
                  + " object the producer outputs");
        }
        consumers.computeIfAbsent(consumed.name(), k -> new HashSet<>()).add(step.name());
        if (!producer.equals(step.name())) {
          dependsOn.get(step.name()).add(producer);
        } else {
          problems.error(
              step.name(),
              "inputs",
              "the step reads its own output '" + consumed.name() + "'; a step cannot consume"
                  + " what it writes");
        }
      } else if (input.source() instanceof Dataset dataset) {
        dataset.paths().forEach(p -> registerPath(p, step));
      } else if (input.source() instanceof DataPath path) {
        registerPath(path, step);
      }
    }
  }

  private void inputError(Step step, PipelineData consumed, InputBinding input, String problem) {
    problems.error(
        step.name(),
        "inputs",
        "PipelineData '" + consumed.name() + "' (input '" + input.name() + "') " + problem);
  }

  private void indexRunAfter(Step step) {
    for (String before : step.runAfter()) {
      if (!steps.containsKey(before)) {
        problems.error(
            step.name(),
            "runAfter",
            "step '" + before + "' is not in the pipeline; add it to the pipeline's steps");
      } else {
        dependsOn.get(step.name()).add(before);
      }
    }
  }

  private void indexReferences(Step step) {
    ComputeTarget compute = step.computeTarget().orElse(LOCAL);
    register(computes, "Compute target", compute.name(), compute, step.name());
    Set<String> ports = new HashSet<>();
    step.inputs().forEach(i -> ports.add(i.name()));
    step.outputs().forEach(o -> ports.add(o.name()));
    List<Argument> arguments = new ArrayList<>();
    if (step instanceof PythonScriptStep script) {
      arguments.addAll(script.arguments());
      arguments.addAll(script.params().values());
      script.environment().ifPresent(e -> register(environments, "Environment", e.name(), e, step.name()));
      script
          .runconfigPipelineParams()
          .forEach(
              (property, parameter) -> {
                registerParameter(parameter, step.name());
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
      boolean dbfs =
          step.outputs().stream().anyMatch(o -> dataStore(o) instanceof DbfsDatastore)
              || step.inputs().stream().anyMatch(i -> usesDbfs(i));
      if (dbfs) {
        problems.error(
            step.name(),
            "inputs",
            "a PythonScriptStep cannot read or write a DBFS datastore; use a Blob, ADLS Gen2 or"
                + " local datastore, or a DatabricksStep");
      }
    } else if (step instanceof DatabricksStep databricks) {
      arguments.addAll(databricks.notebookParams().values());
      arguments.addAll(databricks.pythonScriptParams());
      arguments.addAll(databricks.jarParams());
      databricks
          .runconfig()
          .flatMap(RunConfiguration::environment)
          .ifPresent(e -> register(environments, "Environment", e.name(), e, step.name()));
    }
    for (Argument argument : arguments) {
      if (argument instanceof Argument.Parameter p) {
        registerParameter(p.parameter(), step.name());
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

  private boolean usesDbfs(InputBinding input) {
    if (input.source() instanceof PipelineData d) {
      return dataStore(d) instanceof DbfsDatastore;
    }
    if (input.source() instanceof DataPath p) {
      return p.datastore() instanceof DbfsDatastore;
    }
    return input.source() instanceof Dataset ds
        && ds.paths().stream().anyMatch(p -> p.datastore() instanceof DbfsDatastore);
  }

  private Datastore dataStore(PipelineData pipelineData) {
    return pipelineData.datastore().or(pipeline::defaultDatastore).orElse(null);
  }

  /** What checking one source directory and file found; many steps share one. */
  private record SourceCheck(boolean directoryMissing, boolean fileMissing, Map<String, String> manifest) {}

  private void checkSources(Step step) {
    Optional<String> local = Optional.empty();
    String field = null;
    if (step instanceof PythonScriptStep script) {
      local = Optional.of(script.scriptName());
      field = "scriptName";
    } else if (step instanceof DatabricksStep databricks) {
      if (databricks.pythonScriptName().isPresent()) {
        local = databricks.pythonScriptName();
        field = "pythonScriptName";
      } else if (databricks.notebookPath().filter(p -> !p.startsWith("/")).isPresent()) {
        local = databricks.notebookPath().map(DatabricksTask::notebookSourceFile);
        field = "notebookPath";
      }
    }
    Optional<String> directory = step.sourceDirectory();
    Optional<String> file = local;
    SourceCheck check =
        sourceChecks.computeIfAbsent(
            directory.orElse("") + "\n" + file.orElse(""), k -> checkSources(directory, file));
    if (check.directoryMissing()) {
      problems.error(
          step.name(),
          "sourceDirectory",
          "source directory '" + directory.get() + "' does not exist; create it or fix the path");
    } else if (check.fileMissing()) {
      String where = directory.map(d -> "source directory '" + d + "'").orElse("the base directory");
      problems.error(
          step.name(),
          field,
          "'" + file.get() + "' is not in " + where + "; fix " + field + " or sourceDirectory");
    } else if (check.manifest() != null) {
      sources.put(step.name(), check.manifest());
    }
  }

  private SourceCheck checkSources(Optional<String> directory, Optional<String> file) {
    Optional<Path> folder = directory.map(base::resolve);
    if (folder.isPresent() && !Files.isDirectory(folder.get())) {
      return new SourceCheck(true, false, null);
    }
    if (file.isEmpty()) {
      return new SourceCheck(false, false, null);
    }
    Path path = folder.orElse(base).resolve(file.get());
    if (!Files.isRegularFile(path)) {
      return new SourceCheck(false, true, null);
    }
    return new SourceCheck(
        false,
        false,
        folder.isPresent() ? manifests.directory(folder.get()) : SourceManifests.file(path, file.get()));
  }



  private List<String> topologicalOrder() {
    Map<String, Integer> remaining = new HashMap<>();
    Map<String, List<String>> dependants = new HashMap<>();
    dependsOn.forEach(
        (step, befores) -> {
          remaining.put(step, befores.size());
          befores.forEach(b -> dependants.computeIfAbsent(b, k -> new ArrayList<>()).add(step));
        });
    PriorityQueue<String> ready = new PriorityQueue<>();
    remaining.forEach((step, count) -> {
      if (count == 0) {
        ready.add(step);
      }
    });
    List<String> order = new ArrayList<>(steps.size());
    while (!ready.isEmpty()) {
      String step = ready.poll();
      order.add(step);
      for (String next : dependants.getOrDefault(step, List.of())) {
        if (remaining.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
        }
      }
    }
    if (order.size() < steps.size()) {
      Set<String> cyclic = new TreeSet<>(steps.keySet());
      order.forEach(cyclic::remove);
      reportCycles(cyclic, dependants);
    }
    return order;
  }

  /** Finds the cycles among steps that never became ready, iteratively (deep graphs). */
  private void reportCycles(Set<String> candidates, Map<String, List<String>> dependants) {
    Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
    Set<Set<String>> reported = new HashSet<>();
    for (String start : candidates) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<String> path = new ArrayDeque<>();
      Deque<java.util.Iterator<String>> next = new ArrayDeque<>();
      path.push(start);
      next.push(sortedSuccessors(start, candidates, dependants));
      state.put(start, 1);
      while (!path.isEmpty()) {
        if (!next.peek().hasNext()) {
          state.put(path.pop(), 2);
          next.pop();
          continue;
        }
        String successor = next.peek().next();
        Integer seen = state.get(successor);
        if (seen == null) {
          state.put(successor, 1);
          path.push(successor);
          next.push(sortedSuccessors(successor, candidates, dependants));
        } else if (seen == 1) {
          List<String> cycle = new ArrayList<>();
          for (java.util.Iterator<String> it = path.descendingIterator(); it.hasNext(); ) {
            String s = it.next();
            if (s.equals(successor) || !cycle.isEmpty()) {
              cycle.add(s);
            }
          }
          if (reported.add(new HashSet<>(cycle))) {
            cycle.add(successor);
            problems.error(
                successor,
                "dependencies",
                "the steps form a cycle: "
                    + String.join(" -> ", cycle)
                    + "; remove one of these data or runAfter dependencies");
          }
        }
      }
    }
  }

  private static java.util.Iterator<String> sortedSuccessors(
      String step, Set<String> candidates, Map<String, List<String>> dependants) {
    return dependants.getOrDefault(step, List.of()).stream()
        .filter(candidates::contains)
        .sorted()
        .iterator();
  }

  private void warnings(List<PipelineData> sortedData) {
    for (PipelineData pipelineData : sortedData) {
      if (!consumers.containsKey(pipelineData.name()) && pipelineData.pipelineOutputName().isEmpty()) {
        problems.warning(
            producers.get(pipelineData.name()),
            "outputs",
            "output '"
                + pipelineData.name()
                + "' is not consumed by any step; consume it, publish it with"
                + " pipelineOutputName, or remove it");
      }
    }
    for (Step step : steps.values()) {
      if (step instanceof DatabricksStep d && d.effectiveCluster().isEmpty()) {
        problems.warning(
            step.name(),
            "cluster",
            "no cluster is set on the step, its runconfig or its DatabricksCompute; it runs"
                + " locally, but the Databricks transport needs one");
      }
    }
  }

  /** Values sorted by name with an array sort: a tree map's pointer chasing shows at 10,000. */
  private static List<PipelineData> sortedByName(Map<String, PipelineData> map) {
    List<PipelineData> values = new ArrayList<>(map.values());
    values.sort(java.util.Comparator.comparing(PipelineData::name));
    return values;
  }

  private void registerPath(DataPath path, Step step) {
    register(datastores, "Datastore", path.datastore().name(), path.datastore(), step.name());
  }

  private void registerParameter(PipelineParameter<?> parameter, String step) {
    register(parameters, "Parameter", parameter.name(), parameter, step);
    if (parameter.defaultValue() instanceof DataPath path) {
      register(datastores, "Datastore", path.datastore().name(), path.datastore(), step);
    }
  }

  private <T> void register(Map<String, T> map, String kind, String name, T value, String step) {
    T earlier = map.putIfAbsent(name, value);
    if (earlier != null && !earlier.equals(value)) {
      problems.error(
          step,
          kind.toLowerCase(java.util.Locale.ROOT).replace(' ', '_'),
          kind
              + " '"
              + name
              + "' has two different definitions ("
              + describe(earlier)
              + " and "
              + describe(value)
              + "); use one object for it, or give them different names");
    }
  }

  private static String describe(Object value) {
    return value instanceof PipelineParameter<?> p ? p.type() + " " + p.defaultValue() : value.toString();
  }

  // ---------------------------------------------------------------- building the definition

  private PipelineDefinition definition(List<String> order, List<PipelineData> sortedData) {
    Map<String, StepDefinition> built = new HashMap<>();
    List<StepDefinition> stepDefinitions = new ArrayList<>(order.size());
    for (String name : order) {
      Step step = steps.get(name);
      StepDefinition plain = stepDefinition(step);
      StepDefinition withFingerprint = plain.withFingerprint(fingerprint(plain, built));
      built.put(name, withFingerprint);
      stepDefinitions.add(withFingerprint);
    }
    return new PipelineDefinition(
        PipelineDefinition.SCHEMA_VERSION,
        pipeline.name(),
        pipeline.description().orElse(null),
        pipeline.continueOnStepFailure(),
        pipeline.defaultDatastore().map(Datastore::name).orElse(null),
        parameters.values().stream().map(Compilation::parameterDefinition).toList(),
        List.copyOf(datastores.values()),
        List.copyOf(computes.values()),
        List.copyOf(environments.values()),
        sortedData.stream().map(this::dataDefinition).toList(),
        stepDefinitions);
  }

  private DataDefinition dataDefinition(PipelineData d) {
    return new DataDefinition(
        d.name(),
        dataStore(d).name(),
        d.outputMode(),
        d.isDirectory(),
        d.outputPathOnCompute().orElse(null),
        d.outputOverwrite().orElse(null),
        d.pipelineOutputName().orElse(null),
        producers.get(d.name()),
        consumers.getOrDefault(d.name(), Set.of()).stream().sorted().toList());
  }

  private static ParameterDefinition parameterDefinition(PipelineParameter<?> p) {
    JsonNode value =
        p.defaultValue() instanceof DataPath path
            ? CanonicalJson.MAPPER.valueToTree(dataPath(path))
            : CanonicalJson.MAPPER.valueToTree(p.defaultValue());
    return new ParameterDefinition(p.name(), p.type(), value);
  }

  private StepDefinition stepDefinition(Step step) {
    PythonScriptTask script = null;
    DatabricksTask databricks = null;
    if (step instanceof PythonScriptStep s) {
      Optional<RunConfiguration> rc = s.runconfig();
      script =
          new PythonScriptTask(
              s.scriptName(),
              arguments(s.arguments()),
              s.environment().map(Environment::name).orElse(null),
              rc.flatMap(RunConfiguration::maxRunDurationSeconds).orElse(null),
              rc.map(RunConfiguration::nodeCount).orElse(1),
              rc.map(RunConfiguration::environmentVariables).orElse(Map.of()),
              s.runconfigPipelineParams().entrySet().stream()
                  .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name())),
              arguments(s.params()));
    } else if (step instanceof DatabricksStep d) {
      databricks =
          new DatabricksTask(
              d.notebookPath().orElse(null),
              arguments(d.notebookParams()),
              d.pythonScriptPath().orElse(null),
              d.pythonScriptName().orElse(null),
              d.mainClassName().orElse(null),
              arguments(d.mainClassName().isPresent() ? d.jarParams() : d.pythonScriptParams()),
              d.effectiveCluster().orElse(null),
              d.effectiveLibraries(),
              d.runconfig().flatMap(RunConfiguration::environment).map(Environment::name).orElse(null),
              d.runName().orElse(null),
              d.timeoutSeconds().orElse(null));
    }
    return new StepDefinition(
        step.name(),
        step instanceof PythonScriptStep ? StepDefinition.PYTHON_SCRIPT : StepDefinition.DATABRICKS,
        step.computeTarget().orElse(LOCAL).name(),
        step.inputs().stream().map(Compilation::inputDefinition).toList(),
        step.outputs().stream().map(PipelineData::name).toList(),
        dependsOn.get(step.name()).stream().sorted().toList(),
        step.allowReuse(),
        step.version().orElse(null),
        step.sourceDirectory().map(p -> p.replace('\\', '/')).orElse(null),
        script,
        databricks,
        null);
  }

  private static InputDefinition inputDefinition(InputBinding input) {
    String dataName = null;
    DatasetDefinition dataset = null;
    DataPathDefinition path = null;
    if (input.source() instanceof PipelineData d) {
      dataName = d.name();
    } else if (input.source() instanceof DataPath p) {
      path = dataPath(p);
    } else if (input.source() instanceof TabularDataset t) {
      dataset =
          new DatasetDefinition(
              "tabular",
              t.paths().stream().map(Compilation::dataPath).toList(),
              t.separator(),
              t.header(),
              t.encoding(),
              t.columnTypes());
    } else if (input.source() instanceof Dataset f) {
      dataset =
          new DatasetDefinition(
              "file", f.paths().stream().map(Compilation::dataPath).toList(), null, null, null, null);
    }
    return new InputDefinition(
        input.name(), input.mode(), input.pathOnCompute().orElse(null), dataName, dataset, path);
  }

  private static DataPathDefinition dataPath(DataPath path) {
    return new DataPathDefinition(path.datastore().name(), path.pathOnDatastore());
  }

  private static List<ArgumentDefinition> arguments(List<Argument> arguments) {
    return arguments.stream().map(Compilation::argument).toList();
  }

  private static Map<String, ArgumentDefinition> arguments(Map<String, Argument> arguments) {
    Map<String, ArgumentDefinition> out = new TreeMap<>();
    arguments.forEach((k, v) -> out.put(k, argument(v)));
    return out;
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

  // ---------------------------------------------------------------- fingerprints

  /**
   * SHA-256 over the step's definition with everything it references, its source files and its
   * upstream fingerprints; each part is kept so that a change can be explained.
   */
  private Fingerprint fingerprint(StepDefinition step, Map<String, StepDefinition> built) {
    String definitionHash = hex(digestContext(step));
    Map<String, String> stepSources = sources.getOrDefault(step.name(), Map.of());
    TreeMap<String, String> upstream = new TreeMap<>();
    step.dependsOn().forEach(d -> upstream.put(d, built.get(d).fingerprint().value()));
    MessageDigest all = newDigest();
    update(all, definitionHash + "\n");
    stepSources.forEach((k, v) -> update(all, "source " + k + ' ' + v + '\n'));
    upstream.forEach((k, v) -> update(all, "upstream " + k + ' ' + v + '\n'));
    return new Fingerprint(
        hex(all), definitionHash, stepSources, java.util.Collections.unmodifiableSortedMap(upstream));
  }

  /**
   * Digests what a step's definition hash covers: the step (not yet fingerprinted) and what it
   * references by name (its compute, environment, datastores and parameters), as one canonical
   * JSON object. Referenced values are serialised once per compilation, as many steps share them.
   */
  private MessageDigest digestContext(StepDefinition step) {
    MessageDigest digest = newDigest();
    update(digest, "{\"step\":");
    CanonicalJson.writeCompact(step, digest);
    update(digest, ",\"compute\":");
    digest.update(serialised(computes.get(step.compute())));
    String environment =
        step.pythonScript() != null ? step.pythonScript().environment() : step.databricks().environment();
    if (environment != null) {
      update(digest, ",\"environment\":");
      digest.update(serialised(environments.get(environment)));
    }
    Set<String> stores = new TreeSet<>();
    step.outputs().forEach(o -> stores.add(dataStore(data.get(o)).name()));
    Set<String> params = new TreeSet<>();
    collectReferences(step, stores, params);
    update(digest, ",\"datastores\":[");
    String separator = "";
    for (String store : stores) {
      update(digest, separator);
      digest.update(serialised(datastores.get(store)));
      separator = ",";
    }
    update(digest, "],\"parameters\":[");
    separator = "";
    for (String parameter : params) {
      update(digest, separator);
      digest.update(serialised(parameters.get(parameter)));
      separator = ",";
    }
    update(digest, "]}");
    return digest;
  }

  /** A referenced model value's canonical bytes, made once per compilation (keyed by identity). */
  private byte[] serialised(Object value) {
    return serialisedReferences.computeIfAbsent(
        value,
        v ->
            CanonicalJson.compactBytes(
                v instanceof PipelineParameter<?> p ? parameterDefinition(p) : v));
  }

  private MessageDigest newDigest() {
    try {
      return (MessageDigest) digestPrototype.clone();
    } catch (CloneNotSupportedException e) {
      return SourceManifests.newDigest();
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(MessageDigest digest) {
    return java.util.HexFormat.of().formatHex(digest.digest());
  }

  private void collectReferences(StepDefinition step, Set<String> stores, Set<String> params) {
    for (InputDefinition input : step.inputs()) {
      if (input.data() != null) {
        stores.add(dataStore(data.get(input.data())).name());
      } else if (input.path() != null) {
        stores.add(input.path().datastore());
      } else if (input.dataset() != null) {
        input.dataset().paths().forEach(p -> stores.add(p.datastore()));
      }
    }
    List<ArgumentDefinition> args = new ArrayList<>();
    if (step.pythonScript() != null) {
      args.addAll(step.pythonScript().arguments());
      args.addAll(step.pythonScript().params().values());
      params.addAll(step.pythonScript().runconfigPipelineParams().values());
    } else {
      args.addAll(step.databricks().parameters());
      args.addAll(step.databricks().notebookParams().values());
    }
    args.stream().map(ArgumentDefinition::parameter).filter(p -> p != null).forEach(params::add);
  }
}
