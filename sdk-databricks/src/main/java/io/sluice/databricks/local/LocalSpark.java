package io.sluice.databricks.local;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.LibraryDefinition;
import io.sluice.core.spi.StepContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for a Databricks cluster: a virtualenv with PySpark and the step's PyPI
 * libraries, and the process environment Spark needs (this JVM's Java, the virtualenv's Spark,
 * loopback only).
 */
final class LocalSpark {
  private static final Logger LOGGER = LoggerFactory.getLogger(LocalSpark.class);

  /** The system property that picks another PySpark version. */
  static final String VERSION_PROPERTY = "sluice.pyspark.version";

  static final String DEFAULT_VERSION = "4.3.0";

  private LocalSpark() {}

  /** The PySpark version steps run on. */
  static String version() {
    String version = System.getProperty(VERSION_PROPERTY);
    return version == null || version.isBlank() ? DEFAULT_VERSION : version.trim();
  }

  /**
   * The interpreter of a virtualenv with PySpark, the step's environment and its Python libraries.
   */
  static Path python(StepContext context, TaskFiles files) {
    DatabricksTask task = (DatabricksTask) context.step().task();
    List<String> extras = new ArrayList<>(List.of("pyspark==" + version()));
    for (LibraryDefinition library : task.libraries()) {
      if (library instanceof LibraryDefinition.PyPi p) {
        if (p.repo() != null) {
          LOGGER.warn(
              "Step '{}': PyPI library {} is installed from the environment's index, not from {}",
              context.step().name(),
              p.packageSpec(),
              p.repo());
        }
        extras.add(p.packageSpec());
      } else if (library instanceof LibraryDefinition.Whl w) {
        extras.add(files.file("libraries", w.library()).toString());
      } else if (library instanceof LibraryDefinition.Egg
          || library instanceof LibraryDefinition.Cran) {
        LOGGER.warn(
            "Step '{}': {} is not installed by the local runner", context.step().name(), library);
      }
    }
    return context
        .pythonEnvironments()
        .python(
            Optional.ofNullable(task.environment()).flatMap(context.definition()::environment),
            extras);
  }

  /** Variables every local Spark process gets, besides the step's own. */
  static Map<String, String> environment(StepContext context, Path python) {
    Map<String, String> env = new HashMap<>(context.environmentVariables());
    DatabricksTask task = (DatabricksTask) context.step().task();
    if (task.cluster() != null) {
      env.putAll(task.cluster().sparkEnvVariables());
      // The cluster's value names the interpreter on Databricks nodes, which this machine lacks.
      env.remove("PYSPARK_PYTHON");
    }
    Optional.ofNullable(task.environment())
        .flatMap(context.definition()::environment)
        .ifPresent(e -> env.putAll(e.environmentVariables()));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // PySpark runs the Spark under SPARK_HOME when it is set: one exported on this machine (or
    // the cluster's /databricks/spark) would replace the version the virtualenv pins.
    env.put("SPARK_HOME", sparkHome(python).toString());
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("PYSPARK_PYTHON", python.toString());
    env.put("PYTHONUNBUFFERED", "1");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    return env;
  }

  /** The cluster's Spark configuration, which the local session applies too. */
  static Map<String, String> sparkConf(StepContext context) {
    DatabricksTask task = (DatabricksTask) context.step().task();
    return task.cluster() == null ? Map.of() : task.cluster().sparkConf();
  }

  /**
   * The {@code jars} folder of the virtualenv's PySpark: Spark itself, without a separate download.
   */
  static Path jars(Path python) {
    Path jars = sparkHome(python).resolve("jars");
    if (!Files.isDirectory(jars)) {
      throw new SluiceException(
          "PySpark in "
              + python
              + " has no jars folder ("
              + jars
              + "); a JAR task needs the full pyspark"
              + " package, not pyspark-client or pyspark-connect");
    }
    return jars;
  }

  /** The virtualenv's PySpark package folder, which is a Spark home: jars, bin, conf. */
  static Path sparkHome(Path python) {
    // Located, not imported: importing pyspark takes a good part of a second, for every step.
    List<String> command =
        List.of(
            python.toString(),
            "-c",
            "import importlib.util; print(importlib.util.find_spec('pyspark').submodule_search_locations[0])");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new SluiceException(
            "Cannot find PySpark in "
                + python
                + " to run a step on local Spark:\n"
                + output
                + "\nCheck that the step's environment can install pyspark=="
                + version());
      }
      String[] lines = output.split("\\R", -1);
      return Path.of(lines[lines.length - 1]);
    } catch (IOException e) {
      throw new SluiceException("Cannot start " + python + " to find PySpark", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException("Interrupted while looking for PySpark in " + python, e);
    }
  }
}
