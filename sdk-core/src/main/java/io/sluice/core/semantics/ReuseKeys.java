package io.sluice.core.semantics;

import io.sluice.core.definition.ArgumentDefinition;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.PythonScriptTask;
import io.sluice.core.definition.StepDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When a completed step may stand in for a new run of it. A step's reuse key covers its fingerprint
 * (its definition, sources and upstream fingerprints), the content of its input data and the values
 * of the parameters it references — only those: a parameter that another step uses does not make
 * this one run again. When a step runs again, {@link #parameterChanges} names each parameter whose
 * value changed.
 */
public final class ReuseKeys {
  private ReuseKeys() {}

  /**
   * The parameters a step references: in its arguments, notebook params, script or JAR parameters,
   * script params and run configuration params.
   *
   * @param step the step
   * @return the parameter names (sorted)
   */
  public static Set<String> referencedParameters(StepDefinition step) {
    Set<String> names = new TreeSet<>();
    if (step.task() instanceof PythonScriptTask script) {
      add(script.arguments(), names);
      add(script.params(), names);
      if (!script.runconfigPipelineParams().isEmpty()) {
        names.addAll(script.runconfigPipelineParams().values());
      }
    } else if (step.task() instanceof DatabricksTask.Notebook notebook) {
      add(notebook.notebookParams(), names);
    } else {
      add(StepArguments.databricksParameters(step), names);
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * The values of the parameters a step references.
   *
   * @param step the step
   * @param parameters every parameter's value as text ({@link RunParameters#texts})
   * @return the referenced ones (sorted)
   */
  public static Map<String, String> usedParameters(
      StepDefinition step, Map<String, String> parameters) {
    Map<String, String> used = new TreeMap<>();
    referencedParameters(step).forEach(name -> used.put(name, parameters.get(name)));
    return Collections.unmodifiableMap(used);
  }

  /**
   * A step's reuse key.
   *
   * @param step the step, with its fingerprint
   * @param inputHashes the content hash of each input's data, by input name
   * @param parameters every parameter's value as text; only those the step references count
   * @return SHA-256 (hex)
   */
  public static String key(
      StepDefinition step, Map<String, String> inputHashes, Map<String, String> parameters) {
    StringBuilder text = new StringBuilder(step.fingerprint().value()).append('\n');
    new TreeMap<>(inputHashes)
        .forEach(
            (name, hash) ->
                text.append("input ").append(name).append('=').append(hash).append('\n'));
    usedParameters(step, parameters)
        .forEach(
            (name, value) ->
                text.append("parameter ").append(name).append('=').append(value).append('\n'));
    return sha256(text.toString());
  }

  /**
   * Why a step runs again because of its parameters.
   *
   * @param before the values of the parameters it referenced when it last completed
   * @param now the values of the parameters it references now
   * @return one reason per changed, added or removed parameter, by name: {@code parameter
   *     n_estimators changed: 200 -> 300}
   */
  public static List<String> parameterChanges(Map<String, String> before, Map<String, String> now) {
    Set<String> names = new TreeSet<>(before.keySet());
    names.addAll(now.keySet());
    List<String> reasons = new ArrayList<>();
    for (String name : names) {
      String was = before.get(name);
      String is = now.get(name);
      if (!Objects.equals(was, is)) {
        reasons.add(
            was == null
                ? "parameter " + name + " is now used: " + is
                : is == null
                    ? "parameter " + name + " is no longer used"
                    : "parameter " + name + " changed: " + was + " -> " + is);
      }
    }
    return reasons;
  }

  /**
   * The fingerprint of a whole definition, to tell whether an earlier run with the same id ran the
   * same pipeline.
   *
   * @param definition the pipeline
   * @return SHA-256 (hex) of its canonical JSON
   */
  public static String definitionFingerprint(PipelineDefinition definition) {
    return sha256(definition.toJson());
  }

  // No stream and no iterator: the compiler calls these for every step it fingerprints, and what
  // they made showed in its allocation at 10,000 steps.
  private static void add(List<ArgumentDefinition> arguments, Set<String> names) {
    for (int i = 0; i < arguments.size(); i++) {
      add(arguments.get(i), names);
    }
  }

  private static void add(Map<String, ArgumentDefinition> arguments, Set<String> names) {
    if (!arguments.isEmpty()) {
      arguments.forEach((key, argument) -> add(argument, names));
    }
  }

  private static void add(ArgumentDefinition argument, Set<String> names) {
    if (argument.parameter() != null) {
      names.add(argument.parameter());
    }
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
