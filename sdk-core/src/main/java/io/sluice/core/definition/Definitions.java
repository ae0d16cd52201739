package io.sluice.core.definition;

import java.util.Collections;
import java.util.HashMap;
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
    // The compiler hands over unmodifiable maps it built in key order and never changes. Copying
    // them again for every step was most of a large pipeline's allocation, and a tree map costs
    // n log n to build where a linked map in key order costs n. A map of one entry, or a sorted
    // map in natural order, is in key order as it is: its keys are not read again, since every
    // step shares its source manifest and reading it once per step showed at 10,000 steps.
    Class<?> type = map.getClass();
    boolean kept =
        type == IMMUTABLE_ONE
            || (type == UNMODIFIABLE_SORTED && ((SortedMap<String, V>) map).comparator() == null)
            || (type == UNMODIFIABLE && (map.size() == 1 || ascending(map.keySet())));
    return kept ? map : Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  private static boolean ascending(Iterable<String> keys) {
    String previous = null;
    for (String key : keys) {
      if (previous != null && previous.compareTo(key) >= 0) {
        return false;
      }
      previous = key;
    }
    return true;
  }

  private static final Class<?> UNMODIFIABLE_SORTED =
      Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();
  private static final Class<?> UNMODIFIABLE =
      Collections.unmodifiableMap(new HashMap<>()).getClass();
  private static final Class<?> IMMUTABLE_ONE = Map.of("", "").getClass();
}
