package io.sluice.databricks.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.semantics.StepArguments;
import io.sluice.core.spi.ProcessSpec;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepFailedException;
import io.sluice.core.spi.StepLocation;
import io.sluice.core.spi.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a notebook or Python script task with {@code python -m sluice_databricks <spec.json>}: the
 * runtime starts local Spark, gives the code {@code spark}, {@code dbutils} and path translation,
 * and writes the {@code dbutils.notebook.exit} value to a result file.
 */
final class PythonTask {
  // The runtime's exit codes (runner.py).
  private static final int USER_CODE_FAILED = 1;
  private static final int BAD_SPEC = 2;
  private static final int SPARK_UNAVAILABLE = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  private PythonTask() {}

  static StepResult run(StepContext context, Path python, TaskFiles files, Path dbfsRoot) {
    DatabricksTask task = (DatabricksTask) context.step().task();
    boolean notebook = task instanceof DatabricksTask.Notebook;
    Path code =
        task instanceof DatabricksTask.Notebook n
            ? files.notebook(n.notebookPath())
            : files.script(task);
    Path work = context.stepDirectory().resolve("databricks");
    Path secretsFile = work.resolve("secrets.json");
    Path resultFile = work.resolve("result.json");
    try {
      Files.createDirectories(dbfsRoot);
      Files.deleteIfExists(resultFile);
      Path runtime = RuntimePackage.copyTo(work.resolve("runtime"));
      Map<String, String> secrets = StepSecrets.of(context);
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("task", notebook ? "notebook" : "python_script");
      spec.put("path", code.toString());
      spec.put(
          "widgets",
          notebook
              ? StepArguments.notebookWidgets(
                  context.step(), context.parameterValues(), context.ports(StepLocation::uri))
              : Map.of());
      spec.put(
          "args",
          notebook
              ? List.of()
              : StepArguments.databricksArgv(
                  context.step(), context.parameterValues(), context.ports(StepLocation::uri)));
      spec.put("dbfsRoot", dbfsRoot.toString());
      Map<String, String> mappings = new LinkedHashMap<>();
      context.pathMappings().forEach((uri, path) -> mappings.put(uri, path.toString()));
      spec.put("pathMappings", mappings);
      if (!secrets.isEmpty()) {
        StepSecrets.write(secretsFile, secrets);
        spec.put("secretsFile", secretsFile.toString());
      }
      spec.put("resultFile", resultFile.toString());
      spec.put("sparkConf", LocalSpark.sparkConf(context));
      spec.put("appName", context.step().name());
      Path specFile = work.resolve("spec.json");
      JSON.writerWithDefaultPrettyPrinter().writeValue(specFile.toFile(), spec);

      Map<String, String> env = LocalSpark.environment(context, python);
      env.put("PYTHONPATH", runtime.toString());
      env.putAll(context.mlflowEnvironment(python));
      List<String> command =
          List.of(python.toString(), "-m", RuntimePackage.PACKAGE, specFile.toString());
      int exit =
          context.runProcess(
              ProcessSpec.builder()
                  .command(command)
                  .workingDirectory(code.getParent())
                  .environment(env)
                  .build());
      if (exit != 0) {
        throw failure(context, code, exit);
      }
      return new StepResult(result(resultFile));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Step '" + context.step().name() + "': cannot prepare its run in " + work, e);
    } finally {
      deleteSecrets(secretsFile);
    }
  }

  private static StepFailedException failure(StepContext context, Path code, int exit) {
    String step = context.step().name();
    String tail = "\n--- last lines of its output ---\n" + context.logTail(30);
    return switch (exit) {
      case USER_CODE_FAILED ->
          new StepFailedException(
              "Step '" + step + "' failed: " + code.getFileName() + " raised an error" + tail);
      case BAD_SPEC ->
          new StepFailedException(
              "Step '"
                  + step
                  + "' could not start: the local Databricks runtime rejected its run specification"
                  + " (a Sluice bug; please report it with this message)"
                  + tail);
      case SPARK_UNAVAILABLE ->
          new StepFailedException(
              "Step '"
                  + step
                  + "' could not start local Spark. Run Sluice on Java 17 or later (this JVM, "
                  + System.getProperty("java.home")
                  + ", is handed to Spark as JAVA_HOME), and make sure pyspark=="
                  + LocalSpark.version()
                  + " installs in the step's environment (set -D"
                  + LocalSpark.VERSION_PROPERTY
                  + " for another version)"
                  + tail);
      default ->
          new StepFailedException(
              "Step '"
                  + step
                  + "' failed: "
                  + code.getFileName()
                  + " exited with code "
                  + exit
                  + tail);
    };
  }

  /** The value the code passed to {@code dbutils.notebook.exit}, or empty. */
  private static String result(Path resultFile) throws IOException {
    if (!Files.exists(resultFile)) {
      return "";
    }
    JsonNode result = JSON.readTree(resultFile.toFile()).path("result");
    return result.isNull() || result.isMissingNode() ? "" : result.asText();
  }

  private static void deleteSecrets(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot delete the step's secrets file " + file + "; delete it by hand", e);
    }
  }
}
