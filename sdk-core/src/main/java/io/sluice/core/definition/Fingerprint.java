package io.sluice.core.definition;

import java.util.Map;

/**
 * A step's fingerprint and what it is made of, so that a change can be explained.
 *
 * @param value SHA-256 (hex) over the parts below
 * @param definition SHA-256 of the step's own definition and what it references (environment,
 *     compute, datastores, parameter defaults)
 * @param sources SHA-256 of each source file the step runs, by path relative to its source
 *     directory (or the script or notebook path when it has none)
 * @param upstream the fingerprint of each step it depends on, by step name
 */
public record Fingerprint(
    String value, String definition, Map<String, String> sources, Map<String, String> upstream) {
  /** Normalises map order. */
  public Fingerprint {
    sources = Definitions.sortedMap(sources);
    upstream = Definitions.sortedMap(upstream);
  }
}
