package io.sluice.core.compiler;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.core.definition.Fingerprint;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.implementation.CanonicalJson;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.DataPath;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.Environment;
import io.sluice.core.model.InputBinding;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import io.sluice.core.model.Step;
import io.sluice.core.semantics.ReuseKeys;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each step's definition hash and fingerprint: SHA-256 over its definition hash, its source files
 * and its upstream fingerprints, each part kept so that a change can be explained. A step is
 * fingerprinted as soon as the steps it runs after are.
 */
final class Fingerprints {
  private final StepGraph graph;
  private final References references;
  private final StepSources sources;
  // By rank: each step's definition (fingerprinted once its upstream steps are), definition
  // hash, fingerprint and its line in the fingerprints of the steps downstream.
  private final StepDefinition[] definitions;
  private final String[] definitionHashes;
  private final String[] fingerprints;
  private final byte[][] upstreamLines;
  private final IdentityHashMap<Object, byte[]> serialisedReferences = new IdentityHashMap<>();
  private final IdentityHashMap<Map<String, String>, byte[]> sourceLines = new IdentityHashMap<>();
  // Steps are hashed one after the other; digest() resets a digest for the next one.
  private final MessageDigest definitionDigest = SourceManifests.newDigest();
  private final MessageDigest fingerprintDigest = SourceManifests.newDigest();
  // Each digest is read into this one buffer, then turned into hex.
  private final byte[] hash = new byte[32];
  // Never closed: it writes into the digest and holds no other resource.
  private final JsonGenerator stepWriter = CanonicalJson.digestGenerator(definitionDigest);

  Fingerprints(StepGraph graph, References references, StepSources sources) {
    this.graph = graph;
    this.references = references;
    this.sources = sources;
    int n = graph.size();
    definitions = new StepDefinition[n];
    definitionHashes = new String[n];
    fingerprints = new String[n];
    upstreamLines = new byte[n][];
  }

  /**
   * Takes a step's definition and hashes it, and fingerprints it when its upstream steps are
   * fingerprinted: pipelines mostly list steps after their dependencies, so most are finished while
   * at hand.
   */
  void add(int rank, Step model, StepDefinition definition) {
    definitions[rank] = definition;
    definitionHashes[rank] = definitionHash(model, definition);
    if (upstreamFingerprinted(rank)) {
      fingerprint(rank);
    }
  }

  /**
   * A step's fingerprinted definition; a step listed before a step it depends on is finished now.
   */
  StepDefinition finished(int rank) {
    if (fingerprints[rank] == null) {
      fingerprint(rank);
    }
    return definitions[rank];
  }

  private boolean upstreamFingerprinted(int rank) {
    for (int before : graph.dependsOn(rank)) {
      if (fingerprints[before] == null) {
        return false;
      }
    }
    return true;
  }

  private void fingerprint(int rank) {
    String step = graph.step(rank).name();
    String definitionHash = definitionHashes[rank];
    Map<String, String> stepSources = sources.of(rank);
    int[] before = graph.dependsOn(rank);
    MessageDigest digest = fingerprintDigest;
    digest.update(definitionHash.getBytes(StandardCharsets.US_ASCII));
    digest.update(NEWLINE);
    // Many steps share a source manifest, so its lines are made once.
    digest.update(sourceLines.computeIfAbsent(stepSources, Fingerprints::sourceLines));
    for (int i = 0; i < before.length; i++) {
      digest.update(upstreamLines[before[i]]);
    }
    Fingerprint fingerprint =
        new Fingerprint(hex(digest), definitionHash, stepSources, upstream(rank, before));
    fingerprints[rank] = fingerprint.value();
    // What each step downstream hashes for this one; made once, as a step can have many.
    upstreamLines[rank] =
        ("upstream " + step + ' ' + fingerprint.value() + '\n').getBytes(StandardCharsets.UTF_8);
    definitions[rank] = definitions[rank].withFingerprint(fingerprint);
  }

  /**
   * The fingerprints of the steps a step runs after, by name, in key order as the names are listed
   * by rank. Most steps run after one step: that is a map of one entry, with no map built.
   */
  private Map<String, String> upstream(int rank, int[] before) {
    if (before.length == 0) {
      return Map.of();
    }
    List<String> names = definitions[rank].dependsOn();
    if (before.length == 1) {
      return Map.of(names.get(0), fingerprints[before[0]]);
    }
    Map<String, String> upstream = new LinkedHashMap<>(before.length * 4 / 3 + 1);
    for (int i = 0; i < before.length; i++) {
      upstream.put(names.get(i), fingerprints[before[i]]);
    }
    return Collections.unmodifiableMap(upstream);
  }

  private static byte[] sourceLines(Map<String, String> manifest) {
    StringBuilder lines = new StringBuilder();
    manifest.forEach(
        (file, hash) -> lines.append("source ").append(file).append(' ').append(hash).append('\n'));
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Hashes what a step's definition hash covers: the step (not yet fingerprinted) and what it
   * references by name (its compute, environment, datastores and parameters), as one canonical JSON
   * object. Referenced values are serialised once per compilation, as many steps share them.
   */
  private String definitionHash(Step model, StepDefinition step) {
    MessageDigest digest = definitionDigest;
    digest.update(STEP);
    CanonicalJson.writeCompact(stepWriter, step);
    digest.update(COMPUTE);
    digest.update(serialised(references.computes().get(step.compute())));
    String environment = step.task().environment();
    if (environment != null) {
      digest.update(ENVIRONMENT);
      digest.update(serialised(references.environments().get(environment)));
    }
    List<String> stores = datastores(model);
    digest.update(DATASTORES);
    for (int i = 0; i < stores.size(); i++) {
      if (i > 0 && stores.get(i).equals(stores.get(i - 1))) {
        continue; // used again
      }
      if (i > 0) {
        digest.update((byte) ',');
      }
      digest.update(serialised(references.datastores().get(stores.get(i))));
    }
    digest.update(PARAMETERS);
    boolean first = true;
    // Sorted, as the parameters a step's reuse key covers are.
    for (String parameter : ReuseKeys.referencedParameters(step)) {
      if (!first) {
        digest.update((byte) ',');
      }
      digest.update(serialised(references.parameters().get(parameter)));
      first = false;
    }
    digest.update(END);
    return hex(digest);
  }

  private static final byte[] STEP = ascii("{\"step\":");
  private static final byte[] COMPUTE = ascii(",\"compute\":");
  private static final byte[] ENVIRONMENT = ascii(",\"environment\":");
  private static final byte[] DATASTORES = ascii(",\"datastores\":[");
  private static final byte[] PARAMETERS = ascii("],\"parameters\":[");
  private static final byte[] END = ascii("]}");
  private static final byte[] NEWLINE = ascii("\n");

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The canonical bytes of a referenced model value's definition, made once per compilation (keyed
   * by identity).
   */
  private byte[] serialised(Object value) {
    return serialisedReferences.computeIfAbsent(
        value, v -> CanonicalJson.compactBytes(definitionOf(v)));
  }

  private static Object definitionOf(Object value) {
    if (value instanceof PipelineParameter<?> p) {
      return StepDefinitions.parameter(p);
    }
    if (value instanceof Datastore d) {
      return ModelTranslation.datastore(d);
    }
    if (value instanceof ComputeTarget c) {
      return ModelTranslation.compute(c);
    }
    return ModelTranslation.environment((Environment) value);
  }

  /** Hex of the digest; the digest is reset and ready for the next step. */
  private String hex(MessageDigest digest) {
    try {
      int length = digest.digest(hash, 0, hash.length);
      return HexFormat.of().formatHex(hash, 0, length);
    } catch (DigestException e) {
      throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
    }
  }

  /**
   * The names of the datastores a step uses, sorted, one for each use: read from the model, which
   * is at hand. A list sorted in place and read by index makes less garbage per step than a tree
   * set.
   */
  private List<String> datastores(Step model) {
    List<PipelineData> outputs = model.outputs();
    List<InputBinding> inputs = model.inputs();
    List<String> stores = new ArrayList<>(outputs.size() + inputs.size());
    for (int i = 0; i < outputs.size(); i++) {
      stores.add(references.datastoreOf(outputs.get(i)).name());
    }
    for (int i = 0; i < inputs.size(); i++) {
      Object source = inputs.get(i).source();
      if (source instanceof PipelineData consumed) {
        stores.add(references.datastoreOf(consumed).name());
      } else if (source instanceof DataPath path) {
        stores.add(path.datastore().name());
      } else if (source instanceof Dataset dataset) {
        dataset.paths().forEach(p -> stores.add(p.datastore().name()));
      }
    }
    stores.sort(null);
    return stores;
  }
}
