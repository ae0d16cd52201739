package io.sluice.core.definition;

import java.util.List;

/**
 * Names mapped to positions (or used as a set) for the definition checks: open addressing over
 * three flat arrays and the names' cached hashes, so a lookup reads the characters of a name only
 * when its hash matches, allocates nothing and boxes no position. At 10,000 steps the names are far
 * apart in memory, and a hash map's entry objects, boxed positions and the characters of every
 * non-matching name were most of what resolving a reference cost.
 */
final class NameIndex {
  /** What {@link #get} and {@link #putIfAbsent} return for a name the index does not have. */
  static final int ABSENT = -1;

  private final String[] names;
  private final int[] hashes;
  private final int[] positions;
  private final int mask;

  NameIndex(int capacity) {
    int size = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
    this.names = new String[size];
    this.hashes = new int[size];
    this.positions = new int[size];
    this.mask = size - 1;
  }

  /** The names as a set; a name's position is that of its first entry. */
  static NameIndex of(List<String> names) {
    NameIndex index = new NameIndex(names.size());
    for (int i = 0; i < names.size(); i++) {
      index.putIfAbsent(names.get(i), i);
    }
    return index;
  }

  /**
   * Maps a name to a position unless it has one.
   *
   * @param name the name; null is ignored
   * @param position zero or more
   * @return the position the name had, or {@link #ABSENT} if it had none (or is null)
   */
  int putIfAbsent(String name, int position) {
    if (name == null) {
      return ABSENT;
    }
    int hash = name.hashCode();
    int slot = hash & mask;
    while (names[slot] != null) {
      if (matches(slot, name, hash)) {
        return positions[slot];
      }
      slot = (slot + 1) & mask;
    }
    names[slot] = name;
    hashes[slot] = hash;
    positions[slot] = position;
    return ABSENT;
  }

  /**
   * Adds a name to the set.
   *
   * @param name the name; null is ignored
   * @return false if the set had it already
   */
  boolean add(String name) {
    return putIfAbsent(name, 0) == ABSENT;
  }

  /** The name's position, or {@link #ABSENT} if the index does not have it (or it is null). */
  int get(String name) {
    if (name == null) {
      return ABSENT;
    }
    int hash = name.hashCode();
    for (int slot = hash & mask; names[slot] != null; slot = (slot + 1) & mask) {
      if (matches(slot, name, hash)) {
        return positions[slot];
      }
    }
    return ABSENT;
  }

  boolean contains(String name) {
    return get(name) != ABSENT;
  }

  private boolean matches(int slot, String name, int hash) {
    return hashes[slot] == hash && names[slot].equals(name);
  }
}
