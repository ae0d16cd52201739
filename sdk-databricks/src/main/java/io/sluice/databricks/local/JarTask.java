package io.sluice.databricks.local;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.LibraryDefinition;
import io.sluice.core.semantics.StepArguments;
import io.sluice.core.spi.ProcessSpec;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepFailedException;
import io.sluice.core.spi.StepResult;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a JAR task on local Spark in a child JVM: {@code java -cp <libraries>:<spark jars>/* <main
 * class> <args>}, Spark's own jars taken from the step's PySpark. Local Spark has no Azure file
 * systems, so unlike on Databricks inputs and outputs are passed as local paths.
 */
final class JarTask {
  // Used when Spark's launcher cannot say which JVM options it needs (mirrors Spark 4's list).
  private static final List<String> FALLBACK_MODULE_OPTIONS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

  // The defaults the Python runtime gives its session too (spark.py).
  private static final Map<String, String> DEFAULT_CONF =
      Map.of(
          "spark.master", "local[*]",
          "spark.ui.enabled", "false",
          "spark.driver.host", "127.0.0.1",
          "spark.driver.bindAddress", "127.0.0.1",
          "spark.sql.shuffle.partitions", "4",
          "spark.ui.showConsoleProgress", "false");

  private JarTask() {}

  static StepResult run(StepContext context, Path python, TaskFiles files) {
    DatabricksTask.Jar task = (DatabricksTask.Jar) context.step().task();
    Path sparkJars = LocalSpark.jars(python);
    List<String> classPath = new ArrayList<>();
    for (LibraryDefinition library : task.libraries()) {
      if (library instanceof LibraryDefinition.Jar jar) {
        classPath.add(files.file("libraries", jar.library()).toString());
      } else if (library instanceof LibraryDefinition.Maven maven) {
        throw new SluiceException(
            "Step '"
                + context.step().name()
                + "': Maven library "
                + maven.coordinates()
                + " is not resolved by the"
                + " local runner; add the JAR as Library.jar(<local path or dbfs:/ path>)");
      }
    }
    classPath.add(sparkJars.resolve("*").toString());

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(moduleOptions(sparkJars));
    Map<String, String> conf = new TreeMap<>(DEFAULT_CONF);
    conf.putAll(LocalSpark.sparkConf(context));
    conf.put("spark.master", "local[*]");
    conf.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of("-cp", String.join(File.pathSeparator, classPath), task.mainClassName()));
    command.addAll(
        StepArguments.databricksArgv(
            context.step(),
            context.parameterValues(),
            context.ports(l -> l.localPath().toString())));

    Path work = context.stepDirectory().resolve("databricks");
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int exit =
        context.runProcess(
            ProcessSpec.builder()
                .command(command)
                .workingDirectory(work)
                .environment(LocalSpark.environment(context, python))
                .build());
    if (exit != 0) {
      throw new StepFailedException(
          "Step '"
              + context.step().name()
              + "' failed: main class "
              + task.mainClassName()
              + " exited with code "
              + exit
              + "\n--- last lines of its output ---\n"
              + context.logTail(30));
    }
    return StepResult.empty();
  }

  /**
   * The JVM options Spark needs on Java 17+ (opened JDK packages), asked of the Spark launcher in
   * the PySpark jars, so they match the Spark version that runs.
   */
  static List<String> moduleOptions(Path sparkJars) {
    try (var jars = Files.list(sparkJars)) {
      Path launcher =
          jars.filter(j -> j.getFileName().toString().startsWith("spark-launcher"))
              .findFirst()
              .orElse(null);
      if (launcher == null) {
        return FALLBACK_MODULE_OPTIONS;
      }
      try (URLClassLoader loader = new URLClassLoader(new URL[] {launcher.toUri().toURL()}, null)) {
        Object options =
            loader
                .loadClass("org.apache.spark.launcher.JavaModuleOptions")
                .getMethod("defaultModuleOptionArray")
                .invoke(null);
        return List.of((String[]) options);
      }
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      return FALLBACK_MODULE_OPTIONS;
    }
  }
}
