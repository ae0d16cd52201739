package io.sluice.core.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.definition.Fingerprint;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.implementation.CanonicalJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says why a step's fingerprint changed between two compilations: which fields of its definition,
 * which of its source files, which upstream steps.
 *
 * <pre>{@code
 * FingerprintDiff.explain(before.step("train").get(), after.step("train").get())
 * // [train.py changed, arguments[2] changed, upstream step 'prep' changed]
 * }</pre>
 */
public final class FingerprintDiff {
  private FingerprintDiff() {}

  /** One reason a fingerprint changed. */
  public sealed interface Reason
      permits FieldChanged, ReferenceChanged, SourceChanged, UpstreamChanged {}

  /**
   * A field of the step's definition changed, was added or was removed.
   *
   * @param path the field's JSON path, e.g. {@code arguments[2]}, {@code cluster.numWorkers} or
   *     {@code inputs[raw].mode}; fields of the step's task ({@code task}, its kind as {@code
   *     type}) are named without that prefix, and elements of lists of named objects by name
   */
  public record FieldChanged(String path) implements Reason {
    @Override
    public String toString() {
      return path + " changed";
    }
  }

  /**
   * Something the step refers to by name changed although the step's own definition did not: its
   * environment, its compute target, a datastore it uses or a parameter's default.
   */
  public record ReferenceChanged() implements Reason {
    @Override
    public String toString() {
      return "a referenced environment, compute target, datastore or parameter default changed";
    }
  }

  /** How a source file changed. */
  public enum Change {
    /** The file appeared. */
    ADDED,
    /** The file disappeared. */
    REMOVED,
    /** The file's content changed. */
    CHANGED
  }

  /**
   * A source file appeared, disappeared or changed.
   *
   * @param path its path relative to the source directory
   * @param change what happened to it
   */
  public record SourceChanged(String path, Change change) implements Reason {
    @Override
    public String toString() {
      return path + " " + change.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A step this one depends on changed its fingerprint.
   *
   * @param step the upstream step's name
   */
  public record UpstreamChanged(String step) implements Reason {
    @Override
    public String toString() {
      return "upstream step '" + step + "' changed";
    }
  }

  /**
   * Explains the difference between two compilations of a step: changed definition fields first,
   * then source files (by path), then upstream steps (by name).
   *
   * @param before the step as compiled before, with its fingerprint
   * @param after the step as compiled now, with its fingerprint
   * @return the reasons; empty when the fingerprints are equal
   * @throws IllegalArgumentException when either step has no fingerprint
   */
  public static List<Reason> explain(StepDefinition before, StepDefinition after) {
    Fingerprint was = fingerprint(before, "before");
    Fingerprint now = fingerprint(after, "after");
    List<Reason> reasons = new ArrayList<>();
    if (was.value().equals(now.value())) {
      return reasons;
    }
    List<String> paths = new ArrayList<>();
    diff(tree(before), tree(after), "", paths);
    paths.forEach(p -> reasons.add(new FieldChanged(p)));
    if (paths.isEmpty() && !was.definition().equals(now.definition())) {
      reasons.add(new ReferenceChanged());
    }
    for (String path : union(was.sources(), now.sources())) {
      String old = was.sources().get(path);
      String current = now.sources().get(path);
      if (old == null) {
        reasons.add(new SourceChanged(path, Change.ADDED));
      } else if (current == null) {
        reasons.add(new SourceChanged(path, Change.REMOVED));
      } else if (!old.equals(current)) {
        reasons.add(new SourceChanged(path, Change.CHANGED));
      }
    }
    for (String step : union(was.upstream(), now.upstream())) {
      String old = was.upstream().get(step);
      String current = now.upstream().get(step);
      if (old != null && current != null && !old.equals(current)) {
        reasons.add(new UpstreamChanged(step));
      }
    }
    return reasons;
  }

  private static Fingerprint fingerprint(StepDefinition step, String which) {
    if (step == null || step.fingerprint() == null) {
      throw new IllegalArgumentException(
          "the step " + which + " has no fingerprint; pass steps of a compiled PipelineDefinition");
    }
    return step.fingerprint();
  }

  /** The step without its fingerprint, with its task's fields lifted to the top. */
  private static JsonNode tree(StepDefinition step) {
    ObjectNode node = CanonicalJson.MAPPER.valueToTree(step.withoutFingerprint());
    JsonNode task = node.remove("task");
    if (task != null) {
      task.properties().forEach(e -> node.set(e.getKey(), e.getValue()));
    }
    return node;
  }

  private static Set<String> union(Map<String, String> a, Map<String, String> b) {
    Set<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static void diff(JsonNode a, JsonNode b, String path, List<String> out) {
    if (Objects.equals(a, b)) {
      return;
    }
    if (a != null && b != null && a.isObject() && b.isObject() && !argument(a) && !argument(b)) {
      Set<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        diff(a.get(key), b.get(key), path.isEmpty() ? key : path + "." + key, out);
      }
    } else if (a != null && b != null && a.isArray() && b.isArray()) {
      if (named(a) && named(b)) {
        Set<String> names = new TreeSet<>();
        a.forEach(e -> names.add(e.get("name").asText()));
        b.forEach(e -> names.add(e.get("name").asText()));
        for (String name : names) {
          diff(byName(a, name), byName(b, name), path + "[" + name + "]", out);
        }
      } else {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
          diff(a.get(i), b.get(i), path + "[" + i + "]", out);
        }
      }
    } else {
      out.add(path);
    }
  }

  /** An argument (literal, port or parameter) changes as a whole: {@code arguments[2] changed}. */
  private static boolean argument(JsonNode node) {
    return node.size() == 1 && (node.has("literal") || node.has("port") || node.has("parameter"));
  }

  /** Whether every element is an object with a distinct text {@code name}. */
  private static boolean named(JsonNode array) {
    Set<String> names = new HashSet<>();
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      JsonNode name = it.next().get("name");
      if (name == null || !name.isTextual() || !names.add(name.asText())) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode byName(JsonNode array, String name) {
    for (JsonNode element : array) {
      if (element.get("name").asText().equals(name)) {
        return element;
      }
    }
    return null;
  }
}
