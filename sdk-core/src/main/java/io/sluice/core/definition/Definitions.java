package io.sluice.core.definition;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Normalisation shared by the definition records, so equal definitions have equal bytes. */
final class Definitions {
  private Definitions() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  static <V> Map<String, V> sortedMap(Map<String, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    // Compilation hands over maps it already sorted and never changes; copying them again for
    // every step is most of a large pipeline's allocation.
    if (map instanceof SortedMap<String, V> && map.getClass() == UNMODIFIABLE_SORTED) {
      return map;
    }
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  private static final Class<?> UNMODIFIABLE_SORTED =
      Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();
}
