package io.sluice.core.definition;

import java.util.List;

/**
 * A set of names for the definition checks: open addressing over the names' cached hashes, so a
 * lookup reads the characters of a name only when its hash matches. At 10,000 steps the names are
 * far apart in memory, and reading those of every non-matching name was most of what checking a
 * step's ports cost.
 */
final class NameSet {
  private final String[] names;
  private final int[] hashes;
  private final int mask;

  NameSet(int capacity) {
    int size = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
    this.names = new String[size];
    this.hashes = new int[size];
    this.mask = size - 1;
  }

  static NameSet of(List<String> names) {
    NameSet set = new NameSet(names.size());
    names.forEach(set::add);
    return set;
  }

  /**
   * Adds a name.
   *
   * @param name the name; null is ignored
   * @return false if the set had it already
   */
  boolean add(String name) {
    if (name == null) {
      return true;
    }
    int hash = name.hashCode();
    int slot = hash & mask;
    while (names[slot] != null) {
      if (matches(slot, name, hash)) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    names[slot] = name;
    hashes[slot] = hash;
    return true;
  }

  boolean contains(String name) {
    if (name == null) {
      return false;
    }
    int hash = name.hashCode();
    for (int slot = hash & mask; names[slot] != null; slot = (slot + 1) & mask) {
      if (matches(slot, name, hash)) {
        return true;
      }
    }
    return false;
  }

  private boolean matches(int slot, String name, int hash) {
    return hashes[slot] == hash && (names[slot] == name || names[slot].equals(name));
  }
}
