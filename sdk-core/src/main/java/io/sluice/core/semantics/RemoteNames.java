package io.sluice.core.semantics;

import io.sluice.core.definition.PipelineDefinition;
import io.sluice.core.definition.StepDefinition;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step's name as a remote service accepts it: a Databricks task key, a job or run name part.
 * Characters other than letters, digits, {@code _} and {@code -} become {@code _} and the key is
 * cut to {@value #MAX_LENGTH} characters (Databricks' limit). Two step names that become one key,
 * such as {@code train.v2} and {@code train_v2}, are refused rather than merged into one task.
 */
public final class RemoteNames {
  /** The longest key: Databricks' limit for a task key. */
  public static final int MAX_LENGTH = 100;

  private RemoteNames() {}

  /**
   * One step's key.
   *
   * @param step the step's name
   * @return its key
   */
  public static String taskKey(String step) {
    String key = step.replaceAll("[^A-Za-z0-9_-]", "_");
    return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
  }

  /**
   * Every step's key, checked to be distinct.
   *
   * @param definition the pipeline
   * @return the keys by step name, in step order
   * @throws RemoteNameCollisionException naming the two steps and their common key
   */
  public static Map<String, String> taskKeys(PipelineDefinition definition) {
    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, String> owners = new HashMap<>();
    for (StepDefinition step : definition.steps()) {
      String key = taskKey(step.name());
      String other = owners.putIfAbsent(key, step.name());
      if (other != null) {
        throw new RemoteNameCollisionException(
            "Steps '"
                + other
                + "' and '"
                + step.name()
                + "' of pipeline '"
                + definition.name()
                + "' both become the remote task key '"
                + key
                + "' (characters other than"
                + " letters, digits, '_' and '-' become '_'); rename one of them");
      }
      keys.put(step.name(), key);
    }
    return Collections.unmodifiableMap(keys);
  }
}
