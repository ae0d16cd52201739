package io.sluice.core.compiler;

/**
 * Step ranks waiting for their place in the order, smallest first: a binary heap of ints. A fan-out
 * makes thousands of steps ready at once, and a priority queue of boxed ranks showed at 10,000
 * steps.
 */
final class RankQueue {
  private final int[] heap;
  private int size;

  /**
   * An empty queue.
   *
   * @param capacity the most ranks it holds at once
   */
  RankQueue(int capacity) {
    this.heap = new int[capacity];
  }

  boolean isEmpty() {
    return size == 0;
  }

  void add(int rank) {
    int at = size++;
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (heap[parent] <= rank) {
        break;
      }
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = rank;
  }

  /** Removes and returns the smallest rank; the queue must not be empty. */
  int poll() {
    int smallest = heap[0];
    int last = heap[--size];
    int at = 0;
    for (int child = 1; child < size; child = 2 * at + 1) {
      if (child + 1 < size && heap[child + 1] < heap[child]) {
        child++;
      }
      if (last <= heap[child]) {
        break;
      }
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = last;
    return smallest;
  }
}
