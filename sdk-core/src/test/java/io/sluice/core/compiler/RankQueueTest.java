package io.sluice.core.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ranks come out of the queue smallest first, however they went in. */
class RankQueueTest {
  @Test
  void ranksComeOutInOrderWhateverOrderTheyWentIn() {
    List<Integer> ranks = new ArrayList<>();
    for (int rank = 0; rank < 1_000; rank++) {
      ranks.add(rank);
    }
    Collections.shuffle(ranks, new Random(7));
    RankQueue queue = new RankQueue(ranks.size());
    ranks.forEach(queue::add);

    List<Integer> polled = new ArrayList<>();
    while (!queue.isEmpty()) {
      polled.add(queue.poll());
    }

    assertThat(polled).hasSize(1_000).isSorted();
  }

  @Test
  void aRankAddedBetweenPollsTakesItsPlace() {
    RankQueue queue = new RankQueue(4);
    queue.add(5);
    queue.add(2);
    assertThat(queue.poll()).isEqualTo(2);
    queue.add(9);
    queue.add(1);
    queue.add(7);

    assertThat(List.of(queue.poll(), queue.poll(), queue.poll(), queue.poll()))
        .containsExactly(1, 5, 7, 9);
    assertThat(queue.isEmpty()).isTrue();
  }
}
