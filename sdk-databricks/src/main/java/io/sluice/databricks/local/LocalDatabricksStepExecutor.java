package io.sluice.databricks.local;

import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.DatabricksTask;
import io.sluice.core.definition.StepDefinition;
import io.sluice.core.spi.StepContext;
import io.sluice.core.spi.StepExecutor;
import io.sluice.core.spi.StepResult;
import java.nio.file.Path;

/**
 * Runs a {@code DatabricksStep} on this machine when the transport is {@code local}, as a
 * Databricks job cluster would, so that notebooks run unchanged:
 *
 * <ul>
 *   <li>notebooks (Databricks source format {@code .py}) and Python scripts run on local PySpark
 *       with {@code spark}, {@code dbutils} (widgets, fs, secrets, notebook.exit, taskValues) and
 *       translation of {@code dbfs:/}, {@code /dbfs/} and the step's storage URIs to local folders;
 *   <li>a notebook reads its params, inputs and outputs as widgets; a script gets {@code -<name>
 *       <uri>} pairs for its inputs and outputs before its own parameters (Azure ML v1's contract);
 *   <li>JAR tasks run their main class on local Spark in a child JVM;
 *   <li>{@code dbfs:/} is a folder of the run's, shared by its steps; the credentials of the Blob
 *       and ADLS datastores a step touches are in secret scope {@code sluice}.
 * </ul>
 *
 * <p>PySpark ({@value LocalSpark#DEFAULT_VERSION}, or system property {@code
 * sluice.pyspark.version}) and the step's PyPI libraries are installed once in a cached virtualenv.
 */
public final class LocalDatabricksStepExecutor implements StepExecutor {

  /** Creates the executor; found through {@link java.util.ServiceLoader}. */
  public LocalDatabricksStepExecutor() {}

  @Override
  public String name() {
    return "local-databricks";
  }

  @Override
  public boolean supports(StepDefinition step, ComputeDefinition compute, String transport) {
    return step.task() instanceof DatabricksTask
        && (transport.equals("local") || compute instanceof ComputeDefinition.Local);
  }

  @Override
  public StepResult execute(StepContext context) {
    // Step folders are <run>/steps/<step>; DBFS is one folder per run so its steps share files.
    Path dbfsRoot = context.stepDirectory().getParent().getParent().resolve("dbfs");
    TaskFiles files = new TaskFiles(context, dbfsRoot);
    Path python = LocalSpark.python(context, files);
    return context.step().task() instanceof DatabricksTask.Jar
        ? JarTask.run(context, python, files)
        : PythonTask.run(context, python, files, dbfsRoot);
  }
}
