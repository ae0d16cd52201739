package io.sluice.core.definition;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Normalisation shared by the definition records, so equal definitions have equal bytes. */
final class Definitions {
  private Definitions() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  static <V> Map<String, V> sortedMap(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
