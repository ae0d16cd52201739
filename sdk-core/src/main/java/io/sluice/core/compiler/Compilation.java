package io.sluice.core.compiler;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.definition.ArgumentDefinition;
import io.sluice.core.definition.ClusterDefinition;
import io.sluice.core.definition.DataDefinition;
import io.sluice.core.definition.DataPathDefinition;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.DatasetDefinition;
import io.sluice.core.definition.Fingerprint;
import io.sluice.core.definition.InputDefinition;
import io.sluice.core.definition.LibraryDefinition;
import io.sluice.core.definition.ParameterDefinition;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.PythonScriptTask;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.definition.StepTask;
import io.sluice.core.implementation.CanonicalJson;
import io.sluice.core.implementation.Cycles;
import io.sluice.core.semantics.ReuseKeys;
import io.sluice.core.model.Argument;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.DataPath;
import io.sluice.core.model.DatabricksStep;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.DbfsDatastore;
import io.sluice.core.model.Environment;
import io.sluice.core.model.InputBinding;
import io.sluice.core.definition.ParameterType;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One compilation of one pipeline: indexes, validates, orders and fingerprints its steps. */
final class Compilation {
  private static final ComputeTarget LOCAL = ComputeTarget.local();

  private final Pipeline pipeline;
  private final Datastore defaultDatastore;
  private final Path base;
  private final Problems problems = new Problems();
  private final SourceManifests manifests = new SourceManifests();

  // The graph works on ranks, a step's place in name order: the definition lists steps and
  // dependencies by name, so every later ordering is an integer comparison.
  private Step[] ranked;
  private Map<String, Integer> ranks;
  private int[][] dependsOn;
  // By rank: each step's definition (fingerprinted once its upstream steps are), definition
  // hash, fingerprint and its line in the fingerprints of the steps downstream.
  private StepDefinition[] definitions;
  private String[] definitionHashes;
  private String[] fingerprints;
  private byte[][] upstreamLines;
  // The ranks of the steps in the order the pipeline lists them (problems are reported in that
  // order). Every step is visited once after indexing, while its model is at hand: at 10,000
  // steps each further pass over the model costs more than the work it does.
  private int[] declaredRanks;
  // A hash map for lookups by name (a tree map's pointer chasing dominates at 10,000 steps).
  private final Map<String, DataNode> data;
  private final List<String> withoutCluster = new ArrayList<>();
  private final Map<String, Datastore> datastores = new TreeMap<>();
  private final Map<String, Environment> environments = new TreeMap<>();
  private final Map<String, ComputeTarget> computes = new TreeMap<>();
  private final Map<String, PipelineParameter<?>> parameters = new TreeMap<>();
  private final Map<String, Map<String, String>> sources;
  private final Map<Object, byte[]> serialisedReferences = new IdentityHashMap<>();
  private final Map<DatabricksCluster, ClusterDefinition> clusters = new IdentityHashMap<>();
  private final Map<String, SourceCheck> sourceChecks = new HashMap<>();
  private final Map<Map<String, String>, byte[]> sourceLines = new IdentityHashMap<>();
  // Steps are hashed one after the other; digest() resets a digest for the next one.
  private final MessageDigest definitionDigest = SourceManifests.newDigest();
  private final MessageDigest fingerprintDigest = SourceManifests.newDigest();
  // Never closed: it writes into the digest and holds no other resource.
  private final JsonGenerator stepWriter = CanonicalJson.digestGenerator(definitionDigest);

  Compilation(Pipeline pipeline, Path base) {
    this.pipeline = pipeline;
    this.defaultDatastore = pipeline.defaultDatastore().orElse(null);
    this.base = base;
    // Sized for the pipeline up front: rehashing 10,000-entry maps shows in profiles.
    int capacity = pipeline.steps().size() * 4 / 3 + 16;
    this.data = new LinkedHashMap<>(capacity);
    this.sources = new HashMap<>(capacity);
  }

  List<Problem> problems() {
    return problems.sorted();
  }

  /** A PipelineData with the step that writes it and the steps that read it. */
  private record DataNode(PipelineData data, String producer, int producerRank, List<String> consumers) {}

  /** Returns the definition, or null when there are errors. */
  PipelineDefinition run() {
    pipeline.defaultDatastore().ifPresent(d -> register(datastores, "Datastore", d.name(), d, null));
    pipeline.parameters().forEach(p -> registerParameter(p, null));
    indexSteps();
    indexOutputs();
    definitions = new StepDefinition[ranked.length];
    definitionHashes = new String[ranked.length];
    fingerprints = new String[ranked.length];
    upstreamLines = new byte[ranked.length][];
    for (int rank : declaredRanks) {
      Step step = ranked[rank];
      int[] before = new int[step.inputs().size() + step.runAfter().size()];
      int count = indexInputs(step, before);
      count = indexRunAfter(step, before, count);
      dependsOn[rank] = sortedDistinct(before, count);
      indexReferences(step);
      checkSources(step);
      if (step instanceof DatabricksStep databricks && databricks.effectiveCluster().isEmpty()) {
        withoutCluster.add(step.name());
      }
      if (!problems.hasErrors()) {
        // Everything the step refers to is registered by now.
        definitions[rank] = stepDefinition(step, dependsOn[rank]);
        definitionHashes[rank] = definitionHash(step, definitions[rank]);
        // Pipelines mostly list steps after their dependencies: finish those while at hand.
        if (upstreamFingerprinted(rank)) {
          fingerprint(rank);
        }
      }
    }
    int[] order = topologicalOrder();
    List<DataNode> sortedData = sortedByName(data.values());
    warnings(sortedData);
    if (problems.hasErrors()) {
      return null;
    }
    return definition(order, sortedData);
  }

  /**
   * Ranks the steps by name. A stable sort keeps steps of one name in the order listed, so the
   * first of them is the one kept and the others are reported.
   */
  private void indexSteps() {
    Step[] sorted = pipeline.steps().toArray(Step[]::new);
    Arrays.sort(sorted, Comparator.comparing(Step::name));
    List<Step> unique = new ArrayList<>(sorted.length);
    for (Step step : sorted) {
      if (!unique.isEmpty() && unique.get(unique.size() - 1).name().equals(step.name())) {
        problems.error(
            step.name(),
            "name",
            "two steps are named '" + step.name() + "'; give each step a unique name");
      } else {
        unique.add(step);
      }
    }
    ranked = unique.toArray(Step[]::new);
    ranks = new HashMap<>(ranked.length * 4 / 3 + 16);
    for (int rank = 0; rank < ranked.length; rank++) {
      ranks.put(ranked[rank].name(), rank);
    }
    declaredRanks = new int[ranked.length];
    boolean[] placed = new boolean[ranked.length];
    int next = 0;
    for (Step step : pipeline.steps()) {
      int rank = ranks.get(step.name());
      if (ranked[rank] == step && !placed[rank]) {
        placed[rank] = true;
        declaredRanks[next++] = rank;
      }
    }
    dependsOn = new int[ranked.length][];
  }

  private void indexOutputs() {
    for (int rank : declaredRanks) {
      Step step = ranked[rank];
      for (PipelineData output : step.outputs()) {
        DataNode earlier = data.get(output.name());
        if (earlier != null) {
          problems.error(
              step.name(),
              "outputs",
              "PipelineData '"
                  + output.name()
                  + "' is already an output of step '"
                  + earlier.producer()
                  + "'; each PipelineData has one producer, so give this output its own"
                  + " PipelineData");
          continue;
        }
        data.put(output.name(), new DataNode(output, step.name(), rank, new ArrayList<>(2)));
        Datastore store = dataStore(output);
        if (store == null) {
          problems.error(
              step.name(),
              "outputs",
              "PipelineData '"
                  + output.name()
                  + "' has no datastore and the pipeline has no defaultDatastore; set one of"
                  + " them");
        } else {
          register(datastores, "Datastore", store.name(), store, step.name());
        }
      }
    }
  }

  /**
   * Checks a step's inputs, records the step as a consumer of its data and adds the ranks of the
   * producers to {@code before}.
   */
  private int indexInputs(Step step, int[] before) {
    int count = 0;
    for (InputBinding input : step.inputs()) {
      if (input.source() instanceof PipelineData consumed) {
        DataNode node = data.get(consumed.name());
        if (node == null) {
          inputError(
              step, consumed, input,
              "has no producer; add the step that writes it to the pipeline, or list it among"
                  + " that step's outputs");
          continue;
        }
        if (!node.data().equals(consumed)) {
          inputError(
              step, consumed, input,
              "differs from the one step '" + node.producer() + "' writes; consume the same PipelineData"
                  + " object the producer outputs");
        }
        List<String> readers = node.consumers();
        // A step that binds the same data twice is one consumer; its entries are adjacent.
        if (readers.isEmpty() || !readers.get(readers.size() - 1).equals(step.name())) {
          readers.add(step.name());
        }
        if (!node.producer().equals(step.name())) {
          before[count++] = node.producerRank();
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
    return count;
  }

  private void inputError(Step step, PipelineData consumed, InputBinding input, String problem) {
    problems.error(
        step.name(),
        "inputs",
        "PipelineData '" + consumed.name() + "' (input '" + input.name() + "') " + problem);
  }

  private int indexRunAfter(Step step, int[] before, int count) {
    for (String earlier : step.runAfter()) {
      Integer rank = ranks.get(earlier);
      if (rank == null) {
        problems.error(
            step.name(),
            "runAfter",
            "step '" + earlier + "' is not in the pipeline; add it to the pipeline's steps");
      } else {
        before[count++] = rank;
      }
    }
    return count;
  }

  private static int[] sortedDistinct(int[] values, int count) {
    Arrays.sort(values, 0, count);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (distinct == 0 || values[distinct - 1] != values[i]) {
        values[distinct++] = values[i];
      }
    }
    return distinct == values.length ? values : Arrays.copyOf(values, distinct);
  }

  private void indexReferences(Step step) {
    ComputeTarget compute = step.computeTarget().orElse(LOCAL);
    register(computes, "Compute target", compute.name(), compute, step.name());
    Collection<String> ports = ports(step);
    if (step instanceof PythonScriptStep script) {
      checkArguments(step, script.arguments(), ports);
      checkArguments(step, script.params().values(), ports);
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
      if (usesDbfs(step)) {
        problems.error(
            step.name(),
            "inputs",
            "a PythonScriptStep cannot read or write a DBFS datastore; use a Blob, ADLS Gen2 or"
                + " local datastore, or a DatabricksStep");
      }
    } else if (step instanceof DatabricksStep databricks) {
      checkArguments(step, databricks.notebookParams().values(), ports);
      checkArguments(step, databricks.pythonScriptParams(), ports);
      checkArguments(step, databricks.jarParams(), ports);
      databricks
          .runconfig()
          .flatMap(RunConfiguration::environment)
          .ifPresent(e -> register(environments, "Environment", e.name(), e, step.name()));
    }
  }

  private void checkArguments(Step step, Collection<Argument> arguments, Collection<String> ports) {
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

  /** The names of a step's inputs and outputs; a list is the faster set for the usual handful. */
  private static Collection<String> ports(Step step) {
    int count = step.inputs().size() + step.outputs().size();
    Collection<String> ports = count > 16 ? new HashSet<>(count * 2) : new ArrayList<>(count);
    step.inputs().forEach(input -> ports.add(input.name()));
    step.outputs().forEach(output -> ports.add(output.name()));
    return ports;
  }

  private boolean usesDbfs(Step step) {
    for (PipelineData output : step.outputs()) {
      if (dataStore(output) instanceof DbfsDatastore) {
        return true;
      }
    }
    for (InputBinding input : step.inputs()) {
      if (usesDbfs(input)) {
        return true;
      }
    }
    return false;
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
    return pipelineData.datastore().orElse(defaultDatastore);
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



  /** Kahn's algorithm; among the steps ready at once, the first by name goes first. */
  private int[] topologicalOrder() {
    int n = ranked.length;
    int[][] dependants = Cycles.dependants(dependsOn);
    int[] remaining = new int[n];
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int rank = 0; rank < n; rank++) {
      remaining[rank] = dependsOn[rank].length;
      if (remaining[rank] == 0) {
        ready.add(rank);
      }
    }
    int[] order = new int[n];
    int done = 0;
    while (!ready.isEmpty()) {
      int rank = ready.poll();
      order[done++] = rank;
      for (int next : dependants[rank]) {
        if (--remaining[next] == 0) {
          ready.add(next);
        }
      }
    }
    if (done < n) {
      reportCycles();
    }
    return Arrays.copyOf(order, done);
  }

  /** Reports each cycle among the steps that never became ready. */
  private void reportCycles() {
    for (int[] cycle : Cycles.find(dependsOn)) {
      problems.error(
          ranked[cycle[0]].name(),
          "dependencies",
          "the steps form a cycle: "
              + Arrays.stream(cycle).mapToObj(rank -> ranked[rank].name()).collect(Collectors.joining(" -> "))
              + "; remove one of these data or runAfter dependencies");
    }
  }

  private void warnings(List<DataNode> sortedData) {
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

  /**
   * Sorted by name with an array sort (a tree map's pointer chasing shows at 10,000), which is
   * linear when the pipeline already lists its data in name order.
   */
  private static List<DataNode> sortedByName(Collection<DataNode> nodes) {
    List<DataNode> sorted = new ArrayList<>(nodes);
    sorted.sort(Comparator.comparing(node -> node.data().name()));
    return sorted;
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
          kind.toLowerCase(Locale.ROOT).replace(' ', '_'),
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

  private PipelineDefinition definition(int[] order, List<DataNode> sortedData) {
    List<StepDefinition> stepDefinitions = new ArrayList<>(order.length);
    for (int rank : order) {
      if (fingerprints[rank] == null) { // listed before a step it depends on
        fingerprint(rank);
      }
      stepDefinitions.add(definitions[rank]);
    }
    return new PipelineDefinition(
        PipelineDefinition.SCHEMA_VERSION,
        pipeline.name(),
        pipeline.description().orElse(null),
        pipeline.continueOnStepFailure(),
        pipeline.defaultDatastore().map(Datastore::name).orElse(null),
        parameters.values().stream().map(Compilation::parameterDefinition).toList(),
        datastores.values().stream().map(ModelTranslation::datastore).toList(),
        computes.values().stream().map(ModelTranslation::compute).toList(),
        environments.values().stream().map(ModelTranslation::environment).toList(),
        mapped(sortedData, this::dataDefinition),
        stepDefinitions);
  }

  private DataDefinition dataDefinition(DataNode node) {
    PipelineData d = node.data();
    List<String> consumers = node.consumers();
    consumers.sort(null); // in the order steps are listed until now; linear when that is by name
    return new DataDefinition(
        d.name(),
        dataStore(d).name(),
        d.outputMode(),
        d.isDirectory(),
        d.outputPathOnCompute().orElse(null),
        d.outputOverwrite().orElse(null),
        d.pipelineOutputName().orElse(null),
        node.producer(),
        List.copyOf(consumers));
  }

  private static ParameterDefinition parameterDefinition(PipelineParameter<?> p) {
    JsonNode value =
        p.defaultValue() instanceof DataPath path
            ? CanonicalJson.MAPPER.valueToTree(dataPath(path))
            : CanonicalJson.MAPPER.valueToTree(p.defaultValue());
    return new ParameterDefinition(p.name(), p.type(), value);
  }

  private StepDefinition stepDefinition(Step step, int[] before) {
    return new StepDefinition(
        step.name(),
        step.computeTarget().orElse(LOCAL).name(),
        mapped(step.inputs(), Compilation::inputDefinition),
        mapped(step.outputs(), PipelineData::name),
        names(before),
        step.allowReuse(),
        step.version().orElse(null),
        step.sourceDirectory().map(p -> p.replace('\\', '/')).orElse(null),
        task(step),
        null);
  }

  private StepTask task(Step step) {
    if (step instanceof PythonScriptStep s) {
      Optional<RunConfiguration> rc = s.runconfig();
      return new PythonScriptTask(
          s.scriptName(),
          arguments(s.arguments()),
          s.environment().map(Environment::name).orElse(null),
          rc.flatMap(RunConfiguration::maxRunDurationSeconds).orElse(null),
          rc.map(RunConfiguration::nodeCount).orElse(1),
          rc.map(RunConfiguration::environmentVariables).orElse(Map.of()),
          runconfigPipelineParams(s.runconfigPipelineParams()),
          arguments(s.params()));
    }
    return databricksTask((DatabricksStep) step);
  }

  private DatabricksTask databricksTask(DatabricksStep d) {
    ClusterDefinition cluster = d.effectiveCluster().map(this::cluster).orElse(null);
    List<LibraryDefinition> libraries = mapped(d.effectiveLibraries(), ModelTranslation::library);
    String environment =
        d.runconfig().flatMap(RunConfiguration::environment).map(Environment::name).orElse(null);
    String runName = d.runName().orElse(null);
    Integer timeout = d.timeoutSeconds().orElse(null);
    if (d.notebookPath().isPresent()) {
      return new DatabricksTask.Notebook(
          d.notebookPath().get(), arguments(d.notebookParams()), cluster, libraries, environment, runName, timeout);
    }
    if (d.pythonScriptPath().isPresent()) {
      return new DatabricksTask.PythonScript(
          d.pythonScriptPath().get(), arguments(d.pythonScriptParams()), cluster, libraries, environment, runName,
          timeout);
    }
    if (d.pythonScriptName().isPresent()) {
      return new DatabricksTask.PythonScriptName(
          d.pythonScriptName().get(), arguments(d.pythonScriptParams()), cluster, libraries, environment, runName,
          timeout);
    }
    return new DatabricksTask.Jar(
        d.mainClassName().orElseThrow(), arguments(d.jarParams()), cluster, libraries, environment, runName, timeout);
  }

  /** Many steps share one cluster object: it is translated once per compilation. */
  private ClusterDefinition cluster(DatabricksCluster cluster) {
    return clusters.computeIfAbsent(cluster, ModelTranslation::cluster);
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
    return mapped(arguments, Compilation::argument);
  }

  private static Map<String, ArgumentDefinition> arguments(Map<String, Argument> arguments) {
    if (arguments.isEmpty()) {
      return Map.of();
    }
    Map<String, ArgumentDefinition> out = new TreeMap<>();
    arguments.forEach((k, v) -> out.put(k, argument(v)));
    return out;
  }

  /**
   * An immutable list the definition records keep as it is; a stream's {@code toList()} allows
   * nulls, so the records would copy it again.
   */
  private static <T, R> List<R> mapped(List<T> list, Function<T, R> function) {
    Object[] values = new Object[list.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = function.apply(list.get(i));
    }
    @SuppressWarnings("unchecked")
    List<R> result = (List<R>) List.of(values);
    return result;
  }

  private List<String> names(int[] ranks) {
    String[] names = new String[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      names[i] = ranked[ranks[i]].name();
    }
    return List.of(names);
  }

  private static Map<String, String> runconfigPipelineParams(Map<String, PipelineParameter<?>> params) {
    if (params.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new TreeMap<>();
    params.forEach((property, parameter) -> names.put(property, parameter.name()));
    return names;
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

  private boolean upstreamFingerprinted(int rank) {
    for (int before : dependsOn[rank]) {
      if (fingerprints[before] == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Fingerprints a step whose upstream steps are fingerprinted, replacing its definition: SHA-256
   * over its definition hash, its source files and its upstream fingerprints, each part kept so
   * that a change can be explained.
   */
  private void fingerprint(int rank) {
    String step = ranked[rank].name();
    String definitionHash = definitionHashes[rank];
    Map<String, String> stepSources = sources.getOrDefault(step, Map.of());
    int[] before = dependsOn[rank];
    List<String> names = definitions[rank].dependsOn(); // by rank, so in key order
    Map<String, String> upstream = new LinkedHashMap<>(before.length * 4 / 3 + 1);
    MessageDigest digest = fingerprintDigest;
    digest.update(definitionHash.getBytes(StandardCharsets.US_ASCII));
    digest.update(NEWLINE);
    // Many steps share a source manifest, so its lines are made once.
    digest.update(sourceLines.computeIfAbsent(stepSources, Compilation::sourceLines));
    for (int i = 0; i < before.length; i++) {
      upstream.put(names.get(i), fingerprints[before[i]]);
      digest.update(upstreamLines[before[i]]);
    }
    Fingerprint fingerprint =
        new Fingerprint(hex(digest), definitionHash, stepSources, Collections.unmodifiableMap(upstream));
    fingerprints[rank] = fingerprint.value();
    // What each step downstream hashes for this one; made once, as a step can have many.
    upstreamLines[rank] =
        ("upstream " + step + ' ' + fingerprint.value() + '\n').getBytes(StandardCharsets.UTF_8);
    definitions[rank] = definitions[rank].withFingerprint(fingerprint);
  }

  private static byte[] sourceLines(Map<String, String> manifest) {
    StringBuilder lines = new StringBuilder();
    manifest.forEach((file, hash) -> lines.append("source ").append(file).append(' ').append(hash).append('\n'));
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Hashes what a step's definition hash covers: the step (not yet fingerprinted) and what it
   * references by name (its compute, environment, datastores and parameters), as one canonical
   * JSON object. Referenced values are serialised once per compilation, as many steps share them.
   */
  private String definitionHash(Step model, StepDefinition step) {
    MessageDigest digest = definitionDigest;
    digest.update(STEP);
    CanonicalJson.writeCompact(stepWriter, step);
    digest.update(COMPUTE);
    digest.update(serialised(computes.get(step.compute())));
    String environment = step.task().environment();
    if (environment != null) {
      digest.update(ENVIRONMENT);
      digest.update(serialised(environments.get(environment)));
    }
    Set<String> stores = new TreeSet<>();
    Set<String> params = new TreeSet<>();
    collectReferences(model, step, stores, params);
    digest.update(DATASTORES);
    boolean first = true;
    for (String store : stores) {
      if (!first) {
        digest.update((byte) ',');
      }
      digest.update(serialised(datastores.get(store)));
      first = false;
    }
    digest.update(PARAMETERS);
    first = true;
    for (String parameter : params) {
      if (!first) {
        digest.update((byte) ',');
      }
      digest.update(serialised(parameters.get(parameter)));
      first = false;
    }
    digest.update(END);
    return hex(digest);
  }

  private static final byte[] STEP = ascii("{\"step\":");
  private static final byte[] COMPUTE = ascii(",\"compute\":");
  private static final byte[] ENVIRONMENT = ascii(",\"environment\":");
  private static final byte[] DATASTORES = ascii(",\"datastores\":[");
  private static final byte[] PARAMETERS = ascii("],\"parameters\":[");
  private static final byte[] END = ascii("]}");
  private static final byte[] NEWLINE = ascii("\n");

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The canonical bytes of a referenced model value's definition, made once per compilation (keyed
   * by identity).
   */
  private byte[] serialised(Object value) {
    return serialisedReferences.computeIfAbsent(value, v -> CanonicalJson.compactBytes(definitionOf(v)));
  }

  private static Object definitionOf(Object value) {
    if (value instanceof PipelineParameter<?> p) {
      return parameterDefinition(p);
    }
    if (value instanceof Datastore d) {
      return ModelTranslation.datastore(d);
    }
    if (value instanceof ComputeTarget c) {
      return ModelTranslation.compute(c);
    }
    return ModelTranslation.environment((Environment) value);
  }

  /** Hex of the digest; the digest is reset and ready for the next step. */
  private static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The datastores (from the model, at hand) and parameters (from the definition) a step uses. */
  private void collectReferences(Step model, StepDefinition step, Set<String> stores, Set<String> params) {
    for (PipelineData output : model.outputs()) {
      stores.add(dataStore(output).name());
    }
    for (InputBinding input : model.inputs()) {
      if (input.source() instanceof PipelineData consumed) {
        stores.add(dataStore(consumed).name());
      } else if (input.source() instanceof DataPath path) {
        stores.add(path.datastore().name());
      } else if (input.source() instanceof Dataset dataset) {
        dataset.paths().forEach(p -> stores.add(p.datastore().name()));
      }
    }
    params.addAll(ReuseKeys.referencedParameters(step));
  }
}
