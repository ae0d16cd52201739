package io.sluice.databricks.local;

import static org.assertj.core.api.Assertions.fail;

import io.sluice.core.model.RunConfiguration;
import io.sluice.core.run.PipelineRun;
import io.sluice.core.run.PipelineRunException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the local Databricks runtime's own pytest suite ({@code src/test/python}) in the build, in a
 * cached virtualenv with PySpark and pytest, built by the local transport like any step's.
 */
// Longer than the run's own 10-minute wait: on a machine without it yet, the run first builds a
// virtualenv with PySpark and pytest, and the suite starts Spark several times.
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PythonRuntimeTestsIT {
  // In process: a child "python -m pytest" would find this script first if it were named pytest.py.
  private static final String RUN_PYTEST =
      """
      import os, sys
      import pytest
      sys.exit(pytest.main([os.environ['SLUICE_PYTHON_TESTS'], '-q', '-p', 'no:cacheprovider']))
      """;

  @TempDir Path base;

  @Test
  void theRuntimesPythonTestsPass() throws IOException {
    // Failsafe runs tests in the module's folder.
    Path tests = Path.of("src", "test", "python").toAbsolutePath();
    LocalRuns runs = new LocalRuns(base);
    PipelineRun run =
        runs.runScript(
            "run_pytest",
            RUN_PYTEST,
            RunConfiguration.builder()
                .putEnvironmentVariable("SLUICE_PYTHON_TESTS", tests.toString())
                .putEnvironmentVariable("JAVA_HOME", System.getProperty("java.home"))
                .putEnvironmentVariable("PYTHONDONTWRITEBYTECODE", "1"),
            "pyspark==" + LocalSpark.version(),
            "pytest");
    try {
      run.waitForCompletion(LocalRuns.WAIT);
      System.out.println("pytest " + tests + ":\n" + tail(runs.stdout(run, "run_pytest"), 3));
    } catch (PipelineRunException e) {
      fail("pytest " + tests + " failed:\n" + tail(runs.stdout(run, "run_pytest"), 60));
    }
  }

  private static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}
