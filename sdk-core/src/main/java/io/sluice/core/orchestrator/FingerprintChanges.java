package io.sluice.core.orchestrator;

import io.sluice.core.definition.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Says in words what differs between two fingerprints of a step. */
final class FingerprintChanges {
  private FingerprintChanges() {}

  static List<String> between(Fingerprint before, Fingerprint after) {
    List<String> reasons = new ArrayList<>();
    if (!before.definition().equals(after.definition())) {
      reasons.add("its definition changed");
    }
    Set<String> files = new TreeSet<>(before.sources().keySet());
    files.addAll(after.sources().keySet());
    for (String file : files) {
      String was = before.sources().get(file);
      String now = after.sources().get(file);
      if (was == null) {
        reasons.add(file + " added");
      } else if (now == null) {
        reasons.add(file + " removed");
      } else if (!was.equals(now)) {
        reasons.add(file + " changed");
      }
    }
    after.upstream().forEach(
        (step, value) -> {
          if (!value.equals(before.upstream().get(step))) {
            reasons.add("upstream step '" + step + "' changed");
          }
        });
    return reasons;
  }
}
