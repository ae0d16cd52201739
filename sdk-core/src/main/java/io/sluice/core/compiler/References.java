package io.sluice.core.compiler;

import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.DataPath;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.Environment;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.PipelineParameter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The named values a pipeline's steps refer to (datastores, computes, environments, parameters),
 * each kept once by name; two different values under one name are an error.
 */
final class References {
  private final Problems problems;
  private final Datastore defaultDatastore;
  // Tree maps: the definition lists each kind in name order.
  private final Map<String, Datastore> datastores = new TreeMap<>();
  private final Map<String, Environment> environments = new TreeMap<>();
  private final Map<String, ComputeTarget> computes = new TreeMap<>();
  private final Map<String, PipelineParameter<?>> parameters = new TreeMap<>();

  References(Datastore defaultDatastore, Problems problems) {
    this.defaultDatastore = defaultDatastore;
    this.problems = problems;
  }

  /** The datastore a PipelineData is written to: its own, else the pipeline's default (or null). */
  Datastore datastoreOf(PipelineData data) {
    return data.datastore().orElse(defaultDatastore);
  }

  void datastore(Datastore datastore, String step) {
    register(datastores, "Datastore", datastore.name(), datastore, step);
  }

  void path(DataPath path, String step) {
    datastore(path.datastore(), step);
  }

  void environment(Environment environment, String step) {
    register(environments, "Environment", environment.name(), environment, step);
  }

  void compute(ComputeTarget compute, String step) {
    register(computes, "Compute target", compute.name(), compute, step);
  }

  void parameter(PipelineParameter<?> parameter, String step) {
    register(parameters, "Parameter", parameter.name(), parameter, step);
    if (parameter.defaultValue() instanceof DataPath path) {
      path(path, step);
    }
  }

  Map<String, Datastore> datastores() {
    return datastores;
  }

  Map<String, Environment> environments() {
    return environments;
  }

  Map<String, ComputeTarget> computes() {
    return computes;
  }

  Map<String, PipelineParameter<?>> parameters() {
    return parameters;
  }

  private <T> void register(Map<String, T> map, String kind, String name, T value, String step) {
    T earlier = map.putIfAbsent(name, value);
    if (earlier != null && !earlier.equals(value)) {
      problems.error(
          step,
          kind.toLowerCase(Locale.ROOT).replace(' ', '_'),
          kind
              + " '"
              + name
              + "' has two different definitions ("
              + describe(earlier)
              + " and "
              + describe(value)
              + "); use one object for it, or give them different names");
    }
  }

  private static String describe(Object value) {
    return value instanceof PipelineParameter<?> p
        ? p.type() + " " + p.defaultValue()
        : value.toString();
  }
}
