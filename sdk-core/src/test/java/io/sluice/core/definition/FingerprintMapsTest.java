package io.sluice.core.definition;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.implementation.CanonicalJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A fingerprint's maps iterate in key order however they were handed over, and never change. */
class FingerprintMapsTest {
  private static Map<String, String> linked(String... keys) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String key : keys) {
      map.put(key, key.toUpperCase(Locale.ROOT));
    }
    return map;
  }

  @Test
  void unorderedMapsAreSorted() {
    Fingerprint fingerprint =
        new Fingerprint(
            "v", "d", linked("b.py", "a.py"), Collections.unmodifiableMap(linked("z", "m", "a")));

    assertThat(fingerprint.sources().keySet()).containsExactly("a.py", "b.py");
    assertThat(fingerprint.upstream().keySet()).containsExactly("a", "m", "z");
  }

  @Test
  void aSortedMapInReverseOrderIsSorted() {
    TreeMap<String, String> reversed = new TreeMap<>(Collections.reverseOrder());
    reversed.putAll(linked("a", "b"));

    Fingerprint fingerprint =
        new Fingerprint("v", "d", Map.of(), Collections.unmodifiableSortedMap(reversed));

    assertThat(fingerprint.upstream().keySet()).containsExactly("a", "b");
  }

  @Test
  void mutableMapsAreCopied() {
    Map<String, String> upstream = linked("a", "b");

    Fingerprint fingerprint = new Fingerprint("v", "d", Map.of(), upstream);
    upstream.put("c", "C");

    assertThat(fingerprint.upstream()).containsOnlyKeys("a", "b");
  }

  @Test
  void equalContentIsEqualWhateverTheMapType() {
    Fingerprint ordered =
        new Fingerprint("v", "d", Map.of(), Collections.unmodifiableMap(linked("a", "b")));
    Fingerprint sorted = new Fingerprint("v", "d", Map.of(), new TreeMap<>(linked("b", "a")));

    assertThat(ordered).isEqualTo(sorted).hasSameHashCodeAs(sorted);
    assertThat(CanonicalJson.compactBytes(ordered)).isEqualTo(CanonicalJson.compactBytes(sorted));
  }
}
