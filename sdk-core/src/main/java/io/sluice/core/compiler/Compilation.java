package io.sluice.core.compiler;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One compilation of one pipeline: indexes its steps and data, then visits each step once to
 * validate it, build its definition and hash it, and finally orders and fingerprints the steps. At
 * 10,000 steps the model no longer fits in the cache, so each further pass over the steps costs
 * more than the work it does: everything a step needs is done in its one visit.
 */
final class Compilation {
  private final Pipeline pipeline;
  private final Problems problems = new Problems();
  private final References references;
  private final StepGraph graph;
  private final DataIndex data;
  private final StepRules rules;
  private final StepSources sources;
  private final StepDefinitions definitions;
  private final Fingerprints fingerprints;
  private final List<String> withoutCluster = new ArrayList<>();

  Compilation(Pipeline pipeline, Path base) {
    this.pipeline = pipeline;
    this.references = new References(pipeline.defaultDatastore().orElse(null), problems);
    int stepCount = pipeline.steps().size();
    pipeline.defaultDatastore().ifPresent(d -> references.datastore(d, null));
    pipeline.parameters().forEach(p -> references.parameter(p, null));
    this.graph = new StepGraph(pipeline.steps(), problems);
    this.data = new DataIndex(stepCount, references, problems);
    this.rules = new StepRules(references, problems);
    this.sources = new StepSources(base, stepCount, problems);
    this.definitions = new StepDefinitions(references);
    this.fingerprints = new Fingerprints(graph, references, sources);
  }

  List<Problem> problems() {
    return problems.sorted();
  }

  /** Returns the definition, or null when there are errors. */
  PipelineDefinition run() {
    data.indexOutputs(graph);
    for (int rank : graph.declaredRanks()) {
      visit(rank);
    }
    int[] order = graph.topologicalOrder();
    List<DataNode> sortedData = data.sortedByName();
    rules.warnings(sortedData, withoutCluster);
    if (problems.hasErrors()) {
      return null;
    }
    return definition(order, sortedData);
  }

  private void visit(int rank) {
    Step step = graph.step(rank);
    StepTranslator translator = StepTranslator.of(step);
    int[] before = new int[step.inputs().size() + step.runAfter().size()];
    int[] dependsOn = graph.connect(rank, before, data.consume(step, before));
    rules.checkReferences(step, translator);
    sources.check(rank, step, translator.localSource());
    if (translator.lacksCluster()) {
      withoutCluster.add(step.name());
    }
    if (!problems.hasErrors()) {
      // Everything the step refers to is registered by now.
      fingerprints.add(rank, step, definitions.step(step, translator, graph.names(dependsOn)));
    }
  }

  private PipelineDefinition definition(int[] order, List<DataNode> sortedData) {
    List<StepDefinition> steps = new ArrayList<>(order.length);
    for (int rank : order) {
      steps.add(fingerprints.finished(rank));
    }
    return PipelineDefinition.builder()
        .name(pipeline.name())
        .description(pipeline.description().orElse(null))
        .continueOnStepFailure(pipeline.continueOnStepFailure())
        .defaultDatastore(pipeline.defaultDatastore().map(Datastore::name).orElse(null))
        .parameters(
            references.parameters().values().stream().map(StepDefinitions::parameter).toList())
        .datastores(
            references.datastores().values().stream().map(ModelTranslation::datastore).toList())
        .computes(references.computes().values().stream().map(ModelTranslation::compute).toList())
        .environments(
            references.environments().values().stream().map(ModelTranslation::environment).toList())
        .data(StepDefinitions.mapped(sortedData, definitions::data))
        .steps(steps)
        .build();
  }
}
