package io.sluice.core.implementation;

import io.sluice.core.spi.TransportNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads SPI providers with Sluice's own class loader (so managed environments work) and turns a
 * missing one into an error that names the Maven artifact to add.
 */
public final class Providers {
  private static final Logger LOGGER = LoggerFactory.getLogger(Providers.class);

  /** Which artifact provides each transport or executor Sluice knows of. */
  private static final Map<String, String> ARTIFACTS =
      Map.ofEntries(
          Map.entry("local", "io.sluice:sluice-core"),
          Map.entry("local-python", "io.sluice:sluice-core"),
          Map.entry("recording", "io.sluice:sluice-testing"),
          Map.entry("orchestrated", "io.sluice:sluice-core"),
          Map.entry("databricks", "io.sluice:sluice-databricks"),
          Map.entry("local-databricks", "io.sluice:sluice-databricks"),
          Map.entry("azureml", "io.sluice:sluice-azureml"),
          Map.entry("azure-blob", "io.sluice:sluice-azureml"),
          Map.entry("adls-gen2", "io.sluice:sluice-azureml"),
          Map.entry("orchestrated-databricks", "io.sluice:sluice-databricks"),
          Map.entry("orchestrated-python", "io.sluice:sluice-azureml"));

  private Providers() {}

  /** Every provider of a service that loads; a broken one is logged and passed over. */
  public static <T> List<T> all(Class<T> service) {
    List<T> found = new ArrayList<>();
    var iterator = ServiceLoader.load(service, Providers.class.getClassLoader()).iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          return found;
        }
        found.add(iterator.next());
      } catch (ServiceConfigurationError e) {
        LOGGER.warn("A {} provider could not be loaded and is ignored", service.getSimpleName(), e);
      }
    }
  }

  /**
   * The first provider that matches, or an error naming the artifact that provides {@code name}.
   */
  public static <T> T find(
      Class<T> service, String kind, String name, Predicate<T> matches, List<String> available) {
    return all(service).stream()
        .filter(matches)
        .findFirst()
        .orElseThrow(() -> notFound(service, kind, name, available));
  }

  /** The error for a missing provider. */
  public static TransportNotFoundException notFound(
      Class<?> service, String kind, String name, List<String> available) {
    String artifact = ARTIFACTS.get(name);
    return new TransportNotFoundException(
        "No Sluice "
            + kind
            + " '"
            + name
            + "' is on the class path"
            + (available.isEmpty() ? "" : " (found: " + String.join(", ", available) + ")")
            + "; "
            + (artifact == null
                ? "add the artifact that provides it"
                : "add the Maven dependency " + artifact)
            + ", which registers it in META-INF/services/"
            + service.getName());
  }
}
