package io.sluice.core.compiler;

import io.sluice.core.implementation.Cycles;
import io.sluice.core.model.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The steps of a pipeline and what each runs after, on ranks: a step's rank is its place in name
 * order. The definition lists steps and dependencies by name, so every ordering is an integer
 * comparison.
 */
final class StepGraph {
  private final Problems problems;
  private final Step[] ranked;
  private final Map<String, Integer> ranks;
  // The ranks in the order the pipeline lists its steps: problems are reported in that order.
  private final int[] declaredRanks;
  private final int[][] dependsOn;

  /**
   * Ranks the steps by name. A stable sort keeps steps of one name in the order listed, so the
   * first of them is the one kept and the others are reported.
   */
  StepGraph(List<Step> steps, Problems problems) {
    this.problems = problems;
    Step[] sorted = steps.toArray(Step[]::new);
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
    for (Step step : steps) {
      int rank = ranks.get(step.name());
      if (ranked[rank] == step && !placed[rank]) {
        placed[rank] = true;
        declaredRanks[next++] = rank;
      }
    }
    dependsOn = new int[ranked.length][];
  }

  /** The number of distinct steps. */
  int size() {
    return ranked.length;
  }

  Step step(int rank) {
    return ranked[rank];
  }

  /** The ranks in the order the pipeline lists its steps (duplicates left out). */
  int[] declaredRanks() {
    return declaredRanks;
  }

  /** The ranks a step runs after, in rank order, once {@link #connect} has recorded them. */
  int[] dependsOn(int rank) {
    return dependsOn[rank];
  }

  /**
   * Records what a step runs after: the producers of its data (the first {@code count} entries of
   * {@code before}, which has room for its {@code runAfter} steps too) and its {@code runAfter}
   * steps.
   *
   * @return the ranks it runs after, sorted and distinct
   */
  int[] connect(int rank, int[] before, int count) {
    Step step = ranked[rank];
    for (String earlier : step.runAfter()) {
      Integer earlierRank = ranks.get(earlier);
      if (earlierRank == null) {
        problems.error(
            step.name(),
            "runAfter",
            "step '" + earlier + "' is not in the pipeline; add it to the pipeline's steps");
      } else {
        before[count++] = earlierRank;
      }
    }
    dependsOn[rank] = sortedDistinct(before, count);
    return dependsOn[rank];
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

  /** The names of steps given by rank, in that order. */
  List<String> names(int[] stepRanks) {
    String[] names = new String[stepRanks.length];
    for (int i = 0; i < stepRanks.length; i++) {
      names[i] = ranked[stepRanks[i]].name();
    }
    return List.of(names);
  }

  /**
   * Kahn's algorithm; among the steps ready at once, the first by name goes first. Reports each
   * cycle, and leaves the steps on or after one out of the order.
   */
  int[] topologicalOrder() {
    int n = ranked.length;
    int[][] dependants = Cycles.dependants(dependsOn);
    int[] remaining = new int[n];
    RankQueue ready = new RankQueue(n);
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

  private void reportCycles() {
    for (int[] cycle : Cycles.find(dependsOn)) {
      problems.error(
          ranked[cycle[0]].name(),
          "dependencies",
          "the steps form a cycle: "
              + Arrays.stream(cycle)
                  .mapToObj(rank -> ranked[rank].name())
                  .collect(Collectors.joining(" -> "))
              + "; remove one of these data or runAfter dependencies");
    }
  }
}
