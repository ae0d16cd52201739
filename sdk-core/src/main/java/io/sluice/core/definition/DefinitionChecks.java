package io.sluice.core.definition;

import io.sluice.core.implementation.Cycles;
import io.sluice.core.implementation.NameRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The graph and value checks every definition passes, whoever built it (the compiler, {@link
 * PipelineDefinition#fromJson}, a transport, a test): names unique and following the model's name
 * rules, every reference by name resolving, data written by its producer and read by its consumers,
 * no cycle, parameter defaults of their type and range, and each step's task (see {@link
 * StepTaskChecks}). Every problem is collected, each with its JSON path. One pass over each section
 * with maps by name, and an iterative cycle search when a step depends on one listed after it, so a
 * 10,000-step definition costs linear time and no deep recursion.
 */
final class DefinitionChecks {
  private final PipelineDefinition definition;
  private final DefinitionProblems problems = new DefinitionProblems();
  private final int[][] dependsOn;
  private final boolean[] repeatedSteps;
  // By step index: the number (index + 1) of the step being checked that depends on it, so that a
  // dependency is found by index with no set of names built per step.
  private final int[] dependencyOf;
  // Whether a step depends on one listed after it: only then can the steps form a cycle.
  private boolean dependencyListedLater;
  // Filled by the step pass, by data index: the step that lists it among its outputs, and those
  // that read it.
  private final String[] writers;
  private final List<String>[] readers;
  private NameIndex steps;
  private NameIndex data;
  private NameIndex datastores;
  private NameIndex computes;

  private DefinitionChecks(PipelineDefinition definition) {
    this.definition = definition;
    this.dependsOn = new int[definition.steps().size()][];
    this.repeatedSteps = new boolean[definition.steps().size()];
    this.dependencyOf = new int[definition.steps().size()];
    this.writers = new String[definition.data().size()];
    // Java cannot create an array of List<String>; the array only ever holds List<String>.
    @SuppressWarnings("unchecked")
    List<String>[] byData = (List<String>[]) new List<?>[definition.data().size()];
    this.readers = byData;
  }

  /**
   * Checks a definition.
   *
   * @param definition the definition, its fields normalised
   * @throws InvalidDefinitionException listing every problem, if there is one
   */
  static void requireValid(PipelineDefinition definition) {
    List<DefinitionProblem> found = new DefinitionChecks(definition).run();
    if (!found.isEmpty()) {
      throw new InvalidDefinitionException(definition.name(), found);
    }
  }

  /**
   * What is wrong with a schema version this Sluice does not read.
   *
   * @param version the version found
   * @return the problem and its fix
   */
  static String unreadableVersion(int version) {
    return "schemaVersion is "
        + version
        + "; this Sluice reads version "
        + PipelineDefinition.SCHEMA_VERSION
        + ", so compile the pipeline again with it";
  }

  private List<DefinitionProblem> run() {
    if (definition.schemaVersion() != PipelineDefinition.SCHEMA_VERSION) {
      problems.add("schemaVersion", unreadableVersion(definition.schemaVersion()));
    }
    name("name", NameRule.PIPELINE, "pipeline", definition.name());
    NameIndex parameterIndex =
        index(
            "parameters",
            "parameter",
            NameRule.WORD,
            definition.parameters(),
            ParameterDefinition::name);
    datastores =
        index(
            "datastores",
            "datastore",
            NameRule.DATASTORE,
            definition.datastores(),
            DatastoreDefinition::name);
    computes =
        index(
            "computes",
            "compute",
            NameRule.COMPUTE,
            definition.computes(),
            ComputeDefinition::name);
    NameIndex environments =
        index(
            "environments",
            "environment",
            NameRule.ENVIRONMENT,
            definition.environments(),
            EnvironmentDefinition::name);
    data = index("data", "data", NameRule.WORD, definition.data(), DataDefinition::name);
    steps =
        index(
            "steps",
            "step",
            NameRule.STEP,
            definition.steps(),
            StepDefinition::name,
            repeatedSteps);
    if (definition.defaultDatastore() != null
        && !datastores.contains(definition.defaultDatastore())) {
      problems.unknown(
          "defaultDatastore", "datastore", definition.defaultDatastore(), "datastores");
    }
    Map<String, ParameterDefinition> parameters = new HashMap<>();
    for (int i = 0; i < definition.parameters().size(); i++) {
      ParameterDefinition parameter = definition.parameters().get(i);
      if (parameterIndex.get(parameter.name()) == i) { // the first of its name
        parameters.put(parameter.name(), parameter);
      }
      ParameterDefaults.check(i, parameter, datastores, problems);
    }
    StepTaskChecks tasks = new StepTaskChecks(parameters, environments, problems);
    for (int i = 0; i < definition.steps().size(); i++) {
      step(i, tasks);
    }
    for (int i = 0; i < definition.data().size(); i++) {
      data(i);
    }
    cycles();
    return problems.list();
  }

  private void name(String path, NameRule rule, String kind, String name) {
    if (!rule.accepts(name)) {
      problems.add(
          path, kind + " name " + DefinitionProblems.show(name) + " is not allowed; " + rule.fix());
    }
  }

  // Paths are only spelt out for a problem: at 10,000 steps, building them for every item would
  // cost more than the checks.

  /** Checks each name and maps it to the index of the first item that has it. */
  private <T> NameIndex index(
      String section, String kind, NameRule rule, List<T> items, Function<T, String> nameOf) {
    return index(section, kind, rule, items, nameOf, new boolean[items.size()]);
  }

  /** The same, marking in {@code repeated} each item whose name an earlier item has. */
  private <T> NameIndex index(
      String section,
      String kind,
      NameRule rule,
      List<T> items,
      Function<T, String> nameOf,
      boolean[] repeated) {
    NameIndex index = new NameIndex(items.size());
    for (int i = 0; i < items.size(); i++) {
      String name = nameOf.apply(items.get(i));
      if (!rule.accepts(name)) {
        name(section + "[" + i + "].name", rule, kind, name);
      }
      int first = index.putIfAbsent(name, i);
      if (first != NameIndex.ABSENT) {
        repeated[i] = true;
        problems.add(
            section + "[" + i + "].name",
            DefinitionProblems.show(name)
                + " is also the name of "
                + section
                + "["
                + first
                + "]; give each "
                + kind
                + " a unique name");
      }
    }
    return index;
  }

  private static String step(int i) {
    return "steps[" + i + "]";
  }

  private void step(int i, StepTaskChecks tasks) {
    StepDefinition step = definition.steps().get(i);
    dependsOn[i] = NONE;
    if (step.name() == null || repeatedSteps[i]) {
      return; // a second step of the name (reported): the first one stands for it
    }
    if (!computes.contains(step.compute())) {
      problems.unknown(step(i) + ".compute", "compute", step.compute(), "computes");
    }
    // Resolved before the inputs, which must name their producers among them; reported after.
    int[] ranks = new int[step.dependsOn().size()];
    for (int j = 0; j < ranks.length; j++) {
      ranks[j] = steps.get(step.dependsOn().get(j));
      if (ranks[j] != NameIndex.ABSENT) {
        dependencyOf[ranks[j]] = i + 1;
      }
    }
    NameIndex ports = new NameIndex(step.inputs().size() + step.outputs().size());
    for (int j = 0; j < step.inputs().size(); j++) {
      input(i, j, step, ports);
    }
    for (int j = 0; j < step.outputs().size(); j++) {
      output(i, j, step, ports);
    }
    int count = 0;
    for (int j = 0; j < ranks.length; j++) {
      String name = step.dependsOn().get(j);
      int rank = ranks[j];
      if (rank == NameIndex.ABSENT) {
        problems.add(
            step(i) + ".dependsOn[" + j + "]",
            "step "
                + DefinitionProblems.show(name)
                + " is not in steps; name a step of the pipeline or remove the dependency");
      } else if (rank == i) {
        problems.add(
            step(i) + ".dependsOn[" + j + "]",
            "step '" + name + "' depends on itself; remove the dependency");
      } else {
        ranks[count++] = rank;
        dependencyListedLater |= rank > i;
      }
    }
    dependsOn[i] = count == ranks.length ? ranks : Arrays.copyOf(ranks, count);
    tasks.check(i, step, ports);
  }

  private static final int[] NONE = new int[0];

  private void duplicatePort(String path, String name) {
    problems.add(
        path,
        DefinitionProblems.show(name)
            + " is also the name of another input or output of the step; give each a unique name");
  }

  private void input(int i, int j, StepDefinition step, NameIndex ports) {
    InputDefinition input = step.inputs().get(j);
    if (!NameRule.WORD.accepts(input.name())) {
      name(input(i, j, ".name"), NameRule.WORD, "input", input.name());
    }
    if (!ports.add(input.name())) {
      duplicatePort(input(i, j, ".name"), input.name());
    }
    if (input.mode() == null) {
      problems.add(input(i, j, ".mode"), "mode is missing; give the input's mode");
    }
    int sources =
        (input.data() != null ? 1 : 0)
            + (input.dataset() != null ? 1 : 0)
            + (input.path() != null ? 1 : 0);
    if (sources != 1) {
      problems.add(
          input(i, j, ""),
          "an input reads exactly one of data, dataset or path; this one has " + sources);
    }
    if (input.data() != null) {
      inputData(i, j, step, input.data());
    }
    if (input.path() != null && !datastores.contains(input.path().datastore())) {
      problems.unknown(
          input(i, j, ".path.datastore"), "datastore", input.path().datastore(), "datastores");
    }
    if (input.dataset() != null) {
      List<DataPathDefinition> paths = input.dataset().paths();
      for (int k = 0; k < paths.size(); k++) {
        if (!datastores.contains(paths.get(k).datastore())) {
          problems.unknown(
              input(i, j, ".dataset.paths[" + k + "].datastore"),
              "datastore",
              paths.get(k).datastore(),
              "datastores");
        }
      }
    }
  }

  private static String input(int i, int j, String field) {
    return step(i) + ".inputs[" + j + "]" + field;
  }

  private void inputData(int i, int j, StepDefinition step, String name) {
    int k = data.get(name);
    if (k == NameIndex.ABSENT) {
      problems.unknown(input(i, j, ".data"), "data", name, "data");
      return;
    }
    List<String> reading = readers[k];
    if (reading == null) {
      readers[k] = reading = new ArrayList<>(2);
    }
    // A step that reads the same data twice is one reader; its entries are adjacent.
    if (reading.isEmpty() || !reading.get(reading.size() - 1).equals(step.name())) {
      reading.add(step.name());
    }
    String producer = definition.data().get(k).producer();
    if (step.name().equals(producer)) {
      problems.add(
          input(i, j, ".data"),
          "step '"
              + step.name()
              + "' reads its own output '"
              + name
              + "'; a step cannot consume what it writes");
    } else if (producer != null && !dependsOn(i, producer)) {
      problems.add(
          input(i, j, ".data"),
          "data '"
              + name
              + "' is written by step '"
              + producer
              + "', which is not in dependsOn; add '"
              + producer
              + "' to dependsOn");
    }
  }

  /**
   * Whether step {@code i} lists the step of a name in its dependsOn; true when no step has the
   * name, which the data pass reports.
   */
  private boolean dependsOn(int i, String name) {
    int rank = steps.get(name);
    return rank == NameIndex.ABSENT || dependencyOf[rank] == i + 1;
  }

  private void output(int i, int j, StepDefinition step, NameIndex ports) {
    String name = step.outputs().get(j);
    if (!ports.add(name)) {
      duplicatePort(output(i, j), name);
    }
    int k = data.get(name);
    if (k == NameIndex.ABSENT) {
      problems.unknown(output(i, j), "data", name, "data");
      return;
    }
    String producer = definition.data().get(k).producer();
    if (writers[k] != null) {
      problems.add(
          output(i, j),
          "data '"
              + name
              + "' is already an output of step '"
              + writers[k]
              + "'; each data has one producer, so give this output its own data");
    } else {
      writers[k] = step.name();
      if (!step.name().equals(producer)) {
        problems.add(
            output(i, j),
            "data '"
                + name
                + "' names "
                + DefinitionProblems.show(producer)
                + " as its producer, not this step; set data["
                + k
                + "].producer to '"
                + step.name()
                + "' or remove this output");
      }
    }
  }

  private static String output(int i, int j) {
    return step(i) + ".outputs[" + j + "]";
  }

  private void data(int k) {
    DataDefinition item = definition.data().get(k);
    if (!datastores.contains(item.datastore())) {
      problems.unknown(data(k, ".datastore"), "datastore", item.datastore(), "datastores");
    }
    if (item.pipelineOutputName() != null && !NameRule.WORD.accepts(item.pipelineOutputName())) {
      name(
          data(k, ".pipelineOutputName"),
          NameRule.WORD,
          "pipeline output",
          item.pipelineOutputName());
    }
    String producer = item.producer();
    // A name already resolved in the step pass is not looked up again: at 10,000 steps each lookup
    // is a cache miss.
    if (producer == null || (!producer.equals(writers[k]) && !steps.contains(producer))) {
      problems.unknown(data(k, ".producer"), "step", producer, "steps");
    } else if (writers[k] == null) {
      problems.add(
          data(k, ".producer"),
          "step '"
              + producer
              + "' does not list '"
              + item.name()
              + "' among its outputs; add it there or name the step that does");
    }
    List<String> reading = readers[k] == null ? List.of() : readers[k];
    if (reading.equals(item.consumers())) {
      return; // listed in the order the steps read it, as compiled: nothing to look up
    }
    NameIndex readingSet = NameIndex.of(reading);
    for (int m = 0; m < item.consumers().size(); m++) {
      String consumer = item.consumers().get(m);
      if (readingSet.contains(consumer)) {
        continue;
      }
      if (consumer == null || !steps.contains(consumer)) {
        problems.unknown(data(k, ".consumers[" + m + "]"), "step", consumer, "steps");
      } else {
        problems.add(
            data(k, ".consumers[" + m + "]"),
            "step '"
                + consumer
                + "' does not read '"
                + item.name()
                + "'; remove it from consumers or give the step an input that reads it");
      }
    }
    NameIndex declared = NameIndex.of(item.consumers());
    for (String reader : reading) {
      if (!declared.contains(reader)) {
        problems.add(
            data(k, ".consumers"),
            "step '"
                + reader
                + "' reads '"
                + item.name()
                + "' but is not listed; add it to consumers");
      }
    }
  }

  private static String data(int k, String field) {
    return "data[" + k + "]" + field;
  }

  private void cycles() {
    if (!dependencyListedLater) {
      return; // every dependency points back up the list, so no path leads back to where it began
    }
    List<int[]> cycles = Cycles.find(dependsOn);
    for (int[] cycle : cycles) {
      StepDefinition first = definition.steps().get(cycle[0]);
      String last = definition.steps().get(cycle[cycle.length - 2]).name();
      problems.add(
          step(cycle[0]) + ".dependsOn[" + first.dependsOn().indexOf(last) + "]",
          "the steps form a cycle: "
              + Arrays.stream(cycle)
                  .mapToObj(i -> definition.steps().get(i).name())
                  .collect(Collectors.joining(" -> "))
              + "; remove one of these dependencies");
    }
    if (cycles.isEmpty()) {
      order();
    }
  }

  /**
   * Steps are listed dependencies first, as the compiler lists them, so every reader can rely on
   * it.
   */
  private void order() {
    for (int i = 0; i < dependsOn.length; i++) {
      for (int before : dependsOn[i]) {
        if (before > i) {
          String name = definition.steps().get(before).name();
          problems.add(
              step(i) + ".dependsOn[" + definition.steps().get(i).dependsOn().indexOf(name) + "]",
              "step '"
                  + name
                  + "' is listed after this step, as "
                  + step(before)
                  + "; list each step after the steps it depends on");
        }
      }
    }
  }
}
