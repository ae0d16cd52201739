package io.sluice.core.compiler;

import io.sluice.core.model.DataPath;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.InputBinding;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PipelineData of a pipeline by name, each with its one producer and its consumers: the data
 * edges of the step graph.
 */
final class DataIndex {
  private final References references;
  private final Problems problems;
  // A hash map for lookups by name (a tree map's pointer chasing dominates at 10,000 steps),
  // sized up front: rehashing 10,000-entry maps shows in profiles.
  private final Map<String, DataNode> nodes;

  DataIndex(int stepCount, References references, Problems problems) {
    this.references = references;
    this.problems = problems;
    this.nodes = new LinkedHashMap<>(stepCount * 4 / 3 + 16);
  }

  /**
   * Indexes every step's outputs, in the order the steps are listed, and registers their
   * datastores.
   */
  void indexOutputs(StepGraph graph) {
    for (int rank : graph.declaredRanks()) {
      Step step = graph.step(rank);
      for (PipelineData output : step.outputs()) {
        DataNode earlier = nodes.get(output.name());
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
        nodes.put(output.name(), new DataNode(output, step.name(), rank, new ArrayList<>(2)));
        Datastore store = references.datastoreOf(output);
        if (store == null) {
          problems.error(
              step.name(),
              "outputs",
              "PipelineData '"
                  + output.name()
                  + "' has no datastore and the pipeline has no defaultDatastore; set one of"
                  + " them");
        } else {
          references.datastore(store, step.name());
        }
      }
    }
  }

  /**
   * Checks a step's inputs, records the step as a consumer of its data, registers the datastores of
   * its data paths and puts the ranks of the producers it reads from into {@code before}.
   *
   * @return how many ranks were put into {@code before}
   */
  int consume(Step step, int[] before) {
    int count = 0;
    for (InputBinding input : step.inputs()) {
      if (input.source() instanceof PipelineData consumed) {
        DataNode node = nodes.get(consumed.name());
        if (node == null) {
          inputError(
              step,
              consumed,
              input,
              "has no producer; add the step that writes it to the pipeline, or list it among"
                  + " that step's outputs");
          continue;
        }
        if (!node.data().equals(consumed)) {
          inputError(
              step,
              consumed,
              input,
              "differs from the one step '"
                  + node.producer()
                  + "' writes; consume the same PipelineData"
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
              "the step reads its own output '"
                  + consumed.name()
                  + "'; a step cannot consume"
                  + " what it writes");
        }
      } else if (input.source() instanceof Dataset dataset) {
        dataset.paths().forEach(p -> references.path(p, step.name()));
      } else if (input.source() instanceof DataPath path) {
        references.path(path, step.name());
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

  /**
   * The nodes sorted by name with an array sort (a tree map's pointer chasing shows at 10,000),
   * which is linear when the pipeline already lists its data in name order.
   */
  List<DataNode> sortedByName() {
    List<DataNode> sorted = new ArrayList<>(nodes.values());
    sorted.sort(Comparator.comparing(node -> node.data().name()));
    return sorted;
  }
}
