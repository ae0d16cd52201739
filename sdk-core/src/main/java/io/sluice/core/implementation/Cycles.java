package io.sluice.core.implementation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.Set;

/**
 * Finds the cycles of a dependency graph, for the compiler (on the model) and the definition checks
 * (on a definition). Iterative, since a pipeline's graph can be 10,000 steps deep, and linear in
 * its nodes and edges.
 */
public final class Cycles {
  private Cycles() {}

  /**
   * The cycles among the nodes, each reported once.
   *
   * @param dependsOn for each node, the nodes it depends on
   * @return each cycle in running order with its first node repeated at the end: {@code [a, b, a]}
   *     says that {@code a} runs before {@code b}, which runs before {@code a}
   */
  public static List<int[]> find(int[][] dependsOn) {
    int n = dependsOn.length;
    int[][] dependants = dependants(dependsOn);
    int[] remaining = new int[n];
    int[] ready = new int[n];
    int readyCount = 0;
    for (int node = 0; node < n; node++) {
      remaining[node] = dependsOn[node].length;
      if (remaining[node] == 0) {
        ready[readyCount++] = node;
      }
    }
    // Kahn's algorithm: what never becomes ready waits on a cycle or is on one.
    for (int next = 0; next < readyCount; next++) {
      for (int dependant : dependants[ready[next]]) {
        if (--remaining[dependant] == 0) {
          ready[readyCount++] = dependant;
        }
      }
    }
    return readyCount == n ? List.of() : cyclesAmong(remaining, dependants);
  }

  /**
   * The reverse of {@code dependsOn}, each list in node order.
   *
   * @param dependsOn for each node, the nodes it depends on
   * @return for each node, the nodes that depend on it
   */
  public static int[][] dependants(int[][] dependsOn) {
    int n = dependsOn.length;
    int[] counts = new int[n];
    for (int[] before : dependsOn) {
      for (int node : before) {
        counts[node]++;
      }
    }
    int[][] dependants = new int[n][];
    for (int node = 0; node < n; node++) {
      dependants[node] = new int[counts[node]];
      counts[node] = 0;
    }
    for (int node = 0; node < n; node++) {
      for (int before : dependsOn[node]) {
        dependants[before][counts[before]++] = node;
      }
    }
    return dependants;
  }

  /** A depth-first search among the nodes that never became ready, with an explicit stack. */
  private static List<int[]> cyclesAmong(int[] remaining, int[][] dependants) {
    int[] state = new int[remaining.length]; // 0 unseen, 1 on the path, 2 done
    Set<Set<Integer>> reported = new HashSet<>();
    List<int[]> cycles = new ArrayList<>();
    for (int start = 0; start < remaining.length; start++) {
      if (remaining[start] == 0 || state[start] != 0) {
        continue;
      }
      Deque<Integer> path = new ArrayDeque<>();
      Deque<PrimitiveIterator.OfInt> next = new ArrayDeque<>();
      path.push(start);
      next.push(blockedSuccessors(start, remaining, dependants));
      state[start] = 1;
      while (!path.isEmpty()) {
        if (!next.peek().hasNext()) {
          state[path.pop()] = 2;
          next.pop();
          continue;
        }
        int successor = next.peek().nextInt();
        if (state[successor] == 0) {
          state[successor] = 1;
          path.push(successor);
          next.push(blockedSuccessors(successor, remaining, dependants));
        } else if (state[successor] == 1) {
          List<Integer> cycle = new ArrayList<>();
          for (Iterator<Integer> it = path.descendingIterator(); it.hasNext(); ) {
            int node = it.next();
            if (node == successor || !cycle.isEmpty()) {
              cycle.add(node);
            }
          }
          if (reported.add(new HashSet<>(cycle))) {
            cycle.add(successor);
            cycles.add(cycle.stream().mapToInt(Integer::intValue).toArray());
          }
        }
      }
    }
    return cycles;
  }

  private static PrimitiveIterator.OfInt blockedSuccessors(
      int node, int[] remaining, int[][] dependants) {
    return Arrays.stream(dependants[node]).filter(next -> remaining[next] > 0).iterator();
  }
}
