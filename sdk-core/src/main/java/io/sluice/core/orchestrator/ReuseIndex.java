package io.sluice.core.orchestrator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.compiler.FingerprintDiff;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.implementation.CanonicalJson;
import io.sluice.core.semantics.ReuseKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Completed steps by reuse key ({@link ReuseKeys}: fingerprint, input data hashes and the values of
 * the parameters the step references), shared by every run in a runs folder, and the last completed
 * version of each step, to say why a step runs again.
 */
final class ReuseIndex {
  /** A completed step that can stand in for a new run of it. */
  record Entry(String runId, String step, Map<String, OutputRecord> outputs, String result) {}

  private final Path folder;

  ReuseIndex(Path runsDirectory) {
    this.folder = runsDirectory.resolve("reuse");
  }

  Optional<Entry> find(String key) {
    Path file = folder.resolve(key + ".json");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(CanonicalJson.MAPPER.readValue(file.toFile(), Entry.class));
    } catch (IOException e) {
      return Optional.empty(); // a damaged entry only costs a rerun
    }
  }

  void record(
      String key,
      Entry entry,
      String pipeline,
      StepDefinition step,
      Map<String, String> inputHashes,
      Map<String, String> usedParameters) {
    write(folder.resolve(key + ".json"), CanonicalJson.MAPPER.valueToTree(entry));
    ObjectNode last = CanonicalJson.MAPPER.createObjectNode();
    last.put("runId", entry.runId());
    last.set("step", CanonicalJson.MAPPER.valueToTree(step));
    last.set("inputs", CanonicalJson.MAPPER.valueToTree(new TreeMap<>(inputHashes)));
    last.set("parameters", CanonicalJson.MAPPER.valueToTree(new TreeMap<>(usedParameters)));
    write(lastFile(pipeline, step.name()), last);
  }

  /**
   * Why a step cannot reuse its last completed run, in words: its definition, sources or upstream
   * steps, its input data, the values of the parameters it references; empty if it never completed.
   */
  List<String> changes(
      String pipeline,
      StepDefinition step,
      Map<String, String> inputHashes,
      Map<String, String> usedParameters) {
    Path file = lastFile(pipeline, step.name());
    List<String> reasons = new ArrayList<>();
    if (!Files.exists(file)) {
      return reasons;
    }
    try {
      JsonNode last = CanonicalJson.MAPPER.readTree(file.toFile());
      StepDefinition before =
          CanonicalJson.MAPPER.treeToValue(last.get("step"), StepDefinition.class);
      Map<String, String> beforeInputs =
          CanonicalJson.MAPPER.convertValue(
              last.get("inputs"), new TypeReference<Map<String, String>>() {});
      FingerprintDiff.explain(before, step).forEach(reason -> reasons.add(reason.toString()));
      Map<String, String> beforeParameters =
          last.has("parameters")
              ? CanonicalJson.MAPPER.convertValue(
                  last.get("parameters"), new TypeReference<Map<String, String>>() {})
              : usedParameters; // recorded before parameters were: nothing to compare
      inputHashes.forEach(
          (input, hash) -> {
            if (!hash.equals(beforeInputs.get(input))) {
              reasons.add("input '" + input + "' data changed");
            }
          });
      reasons.addAll(ReuseKeys.parameterChanges(beforeParameters, usedParameters));
    } catch (IOException | IllegalArgumentException e) {
      reasons.add("its last run's record is unreadable");
    }
    return reasons;
  }

  private Path lastFile(String pipeline, String step) {
    return folder.resolve("last").resolve(pipeline).resolve(step + ".json");
  }

  /** Writes to a temporary file and moves it into place, so a reader never sees half a file. */
  private static void write(Path file, JsonNode content) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary =
          Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      Files.write(temporary, CanonicalJson.compactBytes(content));
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
