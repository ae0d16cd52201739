package io.sluice.databricks.local;

import io.sluice.core.SluiceException;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.spi.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds on this machine the files a Databricks task names: its notebook, its script and its JAR
 * libraries. Relative paths are in the step's source directory (else the base directory); {@code
 * dbfs:/} paths are under the run's local DBFS root.
 */
final class TaskFiles {
  private final StepContext context;
  private final Path dbfsRoot;

  TaskFiles(StepContext context, Path dbfsRoot) {
    this.context = context;
    this.dbfsRoot = dbfsRoot;
  }

  /** The folder relative paths are in: the source directory, else the base directory. */
  Path sourceDirectory() {
    return Optional.ofNullable(context.step().sourceDirectory())
        .map(context.baseDirectory()::resolve)
        .orElse(context.baseDirectory());
  }

  /** The notebook's source file, found as the compiler finds it. */
  Path notebook(String notebookPath) {
    Path local = sourceDirectory().resolve(DatabricksTask.notebookSourceFile(notebookPath));
    if (!Files.isRegularFile(local)) {
      throw new SluiceException(
          "Step '"
              + context.step().name()
              + "': notebookPath '"
              + notebookPath
              + "' is not a local notebook ("
              + local
              + " does not exist). The local runner cannot read workspace notebooks; export the notebook"
              + " in source format (.py) into the step's sourceDirectory and give its relative path");
    }
    return local;
  }

  /** The script of a python script task: by name in the source directory, or by path. */
  Path script(DatabricksTask task) {
    if (task instanceof DatabricksTask.PythonScriptName script) {
      Path local = sourceDirectory().resolve(script.pythonScriptName());
      if (!Files.isRegularFile(local)) {
        throw new SluiceException(
            "Step '"
                + context.step().name()
                + "': pythonScriptName '"
                + script.pythonScriptName()
                + "' is not in "
                + sourceDirectory()
                + "; fix pythonScriptName or sourceDirectory");
      }
      return local;
    }
    return file("pythonScriptPath", ((DatabricksTask.PythonScript) task).pythonScriptPath());
  }

  /**
   * A file named by a task field: a local path, or a {@code dbfs:/} path under the run's DBFS root.
   *
   * @param field the field, for the error message
   * @param location the path as given
   * @return the local file
   */
  Path file(String field, String location) {
    Path local;
    if (location.startsWith("dbfs:")) {
      local = dbfsRoot.resolve(location.substring("dbfs:".length()).replaceFirst("^/+", ""));
    } else if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*:/.*")) {
      throw new SluiceException(
          "Step '"
              + context.step().name()
              + "': "
              + field
              + " '"
              + location
              + "' cannot be read locally; give a"
              + " local file path (absolute, or relative to the source directory) or a dbfs:/ path");
    } else {
      local = sourceDirectory().resolve(location);
    }
    if (!Files.isRegularFile(local)) {
      throw new SluiceException(
          "Step '"
              + context.step().name()
              + "': "
              + field
              + " '"
              + location
              + "' is not a file on this machine ("
              + local
              + " does not exist)."
              + (location.startsWith("dbfs:")
                  ? " Locally DBFS is the run's folder "
                      + dbfsRoot
                      + "; put the file there, or give a local path"
                  : " Give a local file path (absolute, or relative to the source directory) or a dbfs:/ path"));
    }
    return local;
  }
}
