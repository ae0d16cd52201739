package io.sluice.testing;

import io.sluice.core.definition.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Says what differs between two fingerprints of one step, part by part. */
final class FingerprintChanges {
  private FingerprintChanges() {}

  /** The changes from {@code before} to {@code after}, in words; empty when the parts are equal. */
  static List<String> between(Fingerprint before, Fingerprint after) {
    List<String> changes = new ArrayList<>();
    if (!Objects.equals(before.definition(), after.definition())) {
      changes.add(
          "its definition changed (the step's own fields or the compute, environment, datastores"
              + " or parameter defaults it uses)");
    }
    compare(before.sources(), after.sources(), "source file", changes);
    compare(before.upstream(), after.upstream(), "upstream step", changes);
    return changes;
  }

  private static void compare(
      Map<String, String> before, Map<String, String> after, String what, List<String> changes) {
    TreeSet<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      String old = before.get(key);
      String now = after.get(key);
      if (old == null) {
        changes.add(what + " '" + key + "' was added");
      } else if (now == null) {
        changes.add(what + " '" + key + "' was removed");
      } else if (!old.equals(now)) {
        changes.add(what + " '" + key + "' changed");
      }
    }
  }

  /** The first 12 characters of a hash, enough to tell two apart in a message. */
  static String shortHash(String value) {
    return value.length() > 12 ? value.substring(0, 12) : value;
  }
}
